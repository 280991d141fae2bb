// Environment references. LiteLLM resolves only `os.environ/NAME` (litellm/proxy/proxy_server.py::
// ProxyConfig._check_for_os_environ_vars, Router.set_model_list; read in 1.80.15); shell-style
// `${NAME}` and `$NAME` stay literal text.

/** `os.environ/NAME`, the one form LiteLLM resolves. */
export const ENV_REF = /^os\.environ\/([A-Za-z_][A-Za-z0-9_]*)$/;

/** A whole value that is a shell-style reference: `${NAME}`, `${NAME:-default}` or `$NAME`. */
export const SHELL_REF = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:[:?+-][^}]*)?\}|([A-Za-z_][A-Za-z0-9_]*))$/;

/** The variable a shell-style reference names, or null. */
export function shellRefName(value: string): string | null {
  const m = SHELL_REF.exec(value.trim());
  return m ? (m[1] ?? m[2]) : null;
}
