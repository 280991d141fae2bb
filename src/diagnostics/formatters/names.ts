// The output formats' names, for the -f/--format choices: src/cli/report.ts offers them without
// loading the formatters (chalk and all), which a clean run never needs. index.ts checks that this
// list is its formatters' keys, in order.
export const formatNames: readonly string[] = ['stylish', 'json', 'sarif', 'github', 'junit', 'markdown'];
