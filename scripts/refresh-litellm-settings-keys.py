#!/usr/bin/env python3
"""Refreshes src/lint/data/litellm-settings-keys.json: the keys LiteLLM releases read from
litellm_settings and general_settings (used by the settings/unknown-key lint rule).

Usage: scripts/refresh-litellm-settings-keys.py <litellm git dir> [release=ref ...]
  e.g. scripts/refresh-litellm-settings-keys.py ~/src/litellm 1.80.15=v1.80.15 1.74.0=v1.74.0
Needs only git and Python 3.9+; reads each ref with `git show` / `git grep`, runs no LiteLLM code.

What counts as a key, per release:
- litellm_settings: the proxy setattr's every key on the litellm module
  (litellm/proxy/proxy_server.py::ProxyConfig.load_config), so a key has an effect only when the
  module defines that name: every name assigned or defined at the top level of
  litellm/__init__.py (also inside top-level if/try blocks), every name it imports that some code
  reads as `litellm.<name>`, plus the keys load_config handles itself (`key == "..."`).
- general_settings: every literal key the proxy reads (`general_settings.get("x")`,
  `general_settings["x"]`, `"x" in general_settings`, any variable ending in general_settings)
  in litellm/ and enterprise/, plus the fields of the ConfigGeneralSettings model
  (litellm/proxy/_types.py).
"""
import ast, json, os, re, subprocess, sys

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "lint", "data", "litellm-settings-keys.json")
READ = re.compile(r"""general_settings(?:\.get\(\s*|\[\s*)["']([A-Za-z0-9_]+)["']""")
HAS = re.compile(r"""["']([A-Za-z0-9_]+)["']\s+in\s+\w*general_settings\b""")
HANDLED = re.compile(r"""\bkey\s*==\s*["']([A-Za-z0-9_]+)["']""")


def git(repo, *args):
    return subprocess.run(["git", "--git-dir", repo, *args], capture_output=True, text=True, check=False).stdout


def top_level_names(source):
    """(assigned, imported): names bound at the top level by assignment or def, and by import."""
    names, imported = set(), set()

    def visit(body):
        for node in body:
            if isinstance(node, ast.Assign):
                for t in node.targets:
                    for n in ast.walk(t):
                        if isinstance(n, ast.Name):
                            names.add(n.id)
            elif isinstance(node, (ast.AnnAssign, ast.AugAssign)) and isinstance(node.target, ast.Name):
                names.add(node.target.id)
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                for a in node.names:
                    if a.name != "*":
                        imported.add((a.asname or a.name).split(".")[0])
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.add(node.name)
            elif isinstance(node, ast.If):
                visit(node.body)
                visit(node.orelse)
            elif isinstance(node, ast.Try):
                visit(node.body)
                for h in node.handlers:
                    visit(h.body)
                visit(node.orelse)
                visit(node.finalbody)
            elif isinstance(node, ast.With):
                visit(node.body)

    visit(ast.parse(source).body)
    return names, imported - names


def model_fields(source, cls):
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ClassDef) and node.name == cls:
            return {n.target.id for n in node.body if isinstance(n, ast.AnnAssign) and isinstance(n.target, ast.Name)}
    return set()


def keys_at(repo, ref):
    init = git(repo, "show", f"{ref}:litellm/__init__.py")
    proxy = git(repo, "show", f"{ref}:litellm/proxy/proxy_server.py")
    types = git(repo, "show", f"{ref}:litellm/proxy/_types.py")
    if not init or not proxy:
        sys.exit(f"{ref}: litellm/__init__.py or litellm/proxy/proxy_server.py not found")
    assigned, imported = top_level_names(init)
    # An imported name (log_level from litellm._logging) is rebound by setattr, but only code
    # that reads litellm.<name> sees the new value: keep it only when some code does.
    used = set(re.findall(r"\blitellm\.([A-Za-z_][A-Za-z0-9_]*)", git(repo, "grep", "-h", "-o", "-E", r"litellm\.[A-Za-z_][A-Za-z0-9_]*", ref, "--", "litellm", "enterprise")))
    litellm = {n for n in assigned | (imported & used) if not n.startswith("__")} | set(HANDLED.findall(proxy))
    # Whole files, not grep lines: reads are often split over lines (`.get(\n    "key"`).
    files = [line.split(":", 1)[1] for line in git(repo, "grep", "-l", "general_settings", ref, "--", "litellm", "enterprise").splitlines() if line.endswith(".py")]
    text = "\n".join(git(repo, "show", f"{ref}:{f}") for f in files)
    general = set(READ.findall(text)) | set(HAS.findall(text)) | model_fields(types, "ConfigGeneralSettings")
    return litellm, general


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    repo = sys.argv[1]
    repo = os.path.join(repo, ".git") if os.path.isdir(os.path.join(repo, ".git")) else repo
    releases = [a.split("=", 1) for a in sys.argv[2:]]
    per = {}
    for release, ref in releases:
        commit = git(repo, "rev-parse", ref).strip()
        per[release] = (commit, *keys_at(repo, ref))
    order = sorted(per, key=lambda r: tuple(int(x) for x in r.split(".")))

    def table(i):
        # "key first" (still in the newest release read) or "key first..last" (gone after last), sorted
        # by key. A list of strings rather than a key -> span object: gwcfg builds a 660-key object
        # literal slowly at every start, and reads this list only when a rule looks a key up.
        out = []
        for k in sorted(set().union(*(per[r][i] for r in order))):
            seen = [r for r in order if k in per[r][i]]
            out.append(f"{k} {seen[0]}" if seen[-1] == order[-1] else f"{k} {seen[0]}..{seen[-1]}")
        return out

    data = {
        "source": "BerriAI/litellm (read from the release bump commits of a public fork with full history, opobama21-netizen/litellm): litellm/__init__.py (module globals), litellm/proxy/proxy_server.py::ProxyConfig.load_config, litellm/proxy/_types.py::ConfigGeneralSettings, general_settings reads in litellm/ and enterprise/",
        "generated_by": "scripts/refresh-litellm-settings-keys.py",
        "releases": {r: per[r][0] for r in order},
        "format": "one entry per key, 'key first' with the first release read that has it, or 'key first..last' when a later release read dropped it",
        "litellm_settings": table(1),
        "general_settings": table(2),
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump(data, f, indent=0, separators=(",", ":"))
        f.write("\n")
    print(f"{OUT}: {len(data['litellm_settings'])} litellm_settings keys, {len(data['general_settings'])} general_settings keys over {', '.join(order)}")


if __name__ == "__main__":
    main()
