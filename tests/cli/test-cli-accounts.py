#!/usr/bin/env python3
"""ferry-cli login / accounts / logout against the standalone fedisim, with fedisim-browse in
the person's place: the loopback sign-in and the pasted code, the token in the keyring and in
no file, both accounts found again by a new process, and sign-out revoking the token.
Needs a keyring (build-aux/with-keyring); without one it skips, unless FERRY_REQUIRE_SECRETS.
TAP output."""

import json
import os
import re
import signal
import subprocess
import sys
import tempfile

results = []


def check(description, condition, detail=""):
    results.append(condition)
    print(f"{'ok' if condition else 'not ok'} {len(results)} - {description}")
    if not condition and detail:
        for line in str(detail).splitlines()[-15:]:
            print(f"# {line}")


def main():
    fedisim, browse, cli, config = sys.argv[1:5]
    if "GNOME_KEYRING_CONTROL" not in os.environ and not os.environ.get("FERRY_REQUIRE_SECRETS"):
        print("1..0 # SKIP no keyring: run under build-aux/with-keyring")
        return 0

    server = subprocess.Popen([fedisim, "--config", config], stdout=subprocess.PIPE, text=True)
    urls, ca = {}, None
    for line in server.stdout:
        m = re.match(r"^(\S+)\s+\S+\s+\S+\s+(https://(\S+))$", line)
        if m:
            urls[m.group(1)] = m.group(3)
        m = re.match(r"^Trust the test CA: FERRY_CA_FILE=(\S+)$", line)
        if m:
            ca = m.group(1)
        if line.startswith("Running"):
            break

    config_home = tempfile.mkdtemp(prefix="ferry-cli-test-")
    env = dict(os.environ, FERRY_CA_FILE=ca, FERRY_NO_BROWSER="1", GSETTINGS_BACKEND="keyfile",
               XDG_CONFIG_HOME=config_home, LC_ALL="C.UTF-8", LANGUAGE="en")
    env.pop("G_DEBUG", None)

    try:
        # Old account: the browser comes back to Ferry's loopback listener.
        login = subprocess.Popen([cli, "login", urls["mastodon-old"], "--role", "old"], env=env,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        url = None
        for line in login.stdout:
            if line.strip().startswith("https://"):
                url = line.strip()
                break
        check("login prints the server's authorization page", url is not None and "code_challenge=" in url, url)
        browsed = subprocess.run([browse, "--ca-file", ca, "--user", "alice", "--password", "correct-horse", url],
                                 capture_output=True, text=True)
        check("the browser is sent back to Ferry's listener", browsed.stdout.strip() == "visited 200",
              browsed.stdout + browsed.stderr)
        out, err = login.communicate(timeout=30)
        check("login says whom it signed in", login.returncode == 0 and "Signed in as @alice@" in out, out + err)

        # New account: the paste-the-code fallback, on GoToSocial (no PKCE there).
        login = subprocess.Popen([cli, "login", urls["gts-new"], "--role", "new", "--paste-code"], env=env,
                                 stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        url = None
        for line in login.stdout:
            if line.strip().startswith("https://"):
                url = line.strip()
                break
        check("paste-code login asks for the out-of-band redirect",
              url is not None and "redirect_uri=urn%3Aietf%3Awg%3Aoauth%3A2.0%3Aoob" in url, url)
        code = subprocess.run([browse, "--ca-file", ca, "--user", "bob2", "--password", "correct-staple", url],
                              capture_output=True, text=True).stdout.strip()
        out, err = login.communicate(code + "\n", timeout=30)
        check("the pasted code signs in", login.returncode == 0 and "Signed in as @bob2@" in out, out + err)

        # A new process finds both again.
        out = subprocess.run([cli, "accounts", "--json"], env=env, capture_output=True, text=True)
        accounts = json.loads(out.stdout) if out.returncode == 0 else {}
        check("accounts: the old one is signed in, with its counts",
              accounts.get("old", {}).get("state") == "signed-in" and accounts["old"].get("following", 0) > 0,
              out.stdout + out.stderr)
        check("accounts: the new one is signed in", accounts.get("new", {}).get("state") == "signed-in", out.stdout)

        # The token is in the keyring, and in no file under the config directory.
        def token_of(key):
            out = subprocess.run(["secret-tool", "lookup", "kind", "token", "key", key],
                                 capture_output=True, text=True)
            return out.stdout.strip() if out.returncode == 0 else None

        alice_key = "alice@" + urls["mastodon-old"]
        bob_key = "bob2@" + urls["gts-new"]
        tokens = [t for t in (token_of(alice_key), token_of(bob_key)) if t]
        check("both tokens are in the keyring", len(tokens) == 2, tokens)
        leaked = []
        for root, _, files in os.walk(config_home):
            for name in files:
                with open(os.path.join(root, name), errors="replace") as f:
                    text = f.read()
                leaked += [t for t in tokens if t in text]
        check("no token in any file of the configuration", not leaked, leaked)

        # Sign-out: revoked at the server, gone from the keyring.
        out = subprocess.run([cli, "logout", "--role", "old"], env=env, capture_output=True, text=True)
        check("logout signs out", out.returncode == 0, out.stdout + out.stderr)
        out = subprocess.run([cli, "accounts", "--json"], env=env, capture_output=True, text=True)
        accounts = json.loads(out.stdout)
        check("the old account is signed out; the new one stays",
              accounts["old"]["state"] == "signed-out" and accounts["new"]["state"] == "signed-in", out.stdout)
        check("the old account's token is gone from the keyring, the new one's stays",
              token_of(alice_key) is None and token_of(bob_key) is not None)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=10)

    print(f"1..{len(results)}")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
