// Kept in step with package.json by test/cli/version.test.ts.
export const VERSION = '0.1.0';
/** package.json `repository`, without git+ and .git: SARIF informationUri and rule helpUri base. */
export const REPOSITORY_URL = 'https://github.com/gwcfg/gwcfg';
