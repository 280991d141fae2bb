export declare const MANY_KEYS: number;
export declare function jsonToJs(value: unknown): string;
