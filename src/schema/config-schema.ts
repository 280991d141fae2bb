// The LiteLLM config schema: its precompiled validator and a navigator over its JSON.
import validate from './generated/litellm-config.js';
import schema from './generated/litellm-config.index.json' with { type: 'json' };
import { SchemaIndex, type JsonSchema } from './schema-index.js';
import type { Validator } from './check.js';

export const configSchema = schema as unknown as JsonSchema;
export const configSchemaIndex = new SchemaIndex(configSchema);
export const validateConfig = validate as Validator;
