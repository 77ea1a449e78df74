#!/usr/bin/env python3
"""ferry-cli login / accounts / logout against the standalone fedisim, with fedisim-browse in
the person's place: the loopback sign-in and the pasted code, the token in the keyring and in
no file, both accounts found again by a new process, and sign-out revoking the token; the
loopback sign-in on GoToSocial (exact redirect URI); settings kept where the default backend
keeps nothing (memory); a frozen server: bounded, said while waiting, "not answering".
Needs a keyring (build-aux/with-keyring); without one it skips, unless FERRY_REQUIRE_SECRETS.
TAP output."""

import json
import os
import signal
import subprocess
import sys
import tempfile
import time

from fedisim_run import Fedisim, check, cli_env, finish, sign_in, skip_without_keyring


def main():
    fedisim, browse, cli, config = sys.argv[1:5]
    if skip_without_keyring():
        return 0

    server = Fedisim(fedisim, config)
    urls, ca = server.hosts, server.ca
    config_home = tempfile.mkdtemp(prefix="ferry-cli-test-")
    env = cli_env(ca, config_home)

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

        # #13: the loopback sign-in on GoToSocial, which wants the exact redirect URI.
        rc, out = sign_in(cli, browse, ca, env, urls["gts-old"], "old", "bob", "horse-correct")
        check("GoToSocial: the browser comes back to Ferry and the login signs in",
              rc == 0 and "visited 200" in out and "Signed in as @bob@" in out and "code instead" not in out, out)

        # #19: where the settings backend keeps nothing (memory), ferry-cli still remembers.
        memory_home = tempfile.mkdtemp(prefix="ferry-cli-memory-")
        memory_env = dict(cli_env(ca, memory_home), GSETTINGS_BACKEND="memory")
        rc, out = sign_in(cli, browse, ca, memory_env, urls["mastodon-new"], "new", "alice2", "staple-battery")
        check("memory backend: the login signs in", rc == 0 and "Signed in as @alice2@" in out, out)
        out = subprocess.run([cli, "accounts", "--json"], env=memory_env, capture_output=True, text=True)
        accounts = json.loads(out.stdout) if out.returncode == 0 else {}
        check("memory backend: a new ferry-cli still knows the account",
              accounts.get("new", {}).get("state") == "signed-in" and
              accounts["new"].get("account", "").startswith("alice2@"), out.stdout + out.stderr)

        # #19: dconf without a session bus drops every write ("failed to commit changes to
        # dconf"); ferry-cli keeps its settings in the keyfile there. The token goes to
        # libsecret's file backend, as no keyring can be reached without a bus.
        nobus_home = tempfile.mkdtemp(prefix="ferry-cli-nobus-")
        os.mkdir(os.path.join(nobus_home, "run"), 0o700)
        nobus_env = dict(cli_env(ca, nobus_home), SECRET_BACKEND="file",
                         SECRET_FILE_TEST_PATH=os.path.join(nobus_home, "test.keyring"),
                         SECRET_FILE_TEST_PASSWORD="test", XDG_RUNTIME_DIR=os.path.join(nobus_home, "run"))
        for name in ("GSETTINGS_BACKEND", "DBUS_SESSION_BUS_ADDRESS", "GNOME_KEYRING_CONTROL"):
            nobus_env.pop(name, None)
        # libsecret 0.20.5's file backend leaks ~28 B per write (../shared/test-infra.md §3).
        if "ASAN_OPTIONS" in nobus_env:
            nobus_env["ASAN_OPTIONS"] = nobus_env["ASAN_OPTIONS"].replace("detect_leaks=1", "detect_leaks=0")
        rc, out = sign_in(cli, browse, ca, nobus_env, urls["mastodon-old"], "old", "carol", "battery-staple")
        check("dconf without a bus: the login signs in", rc == 0 and "Signed in as @carol@" in out, out)
        out = subprocess.run([cli, "accounts", "--json"], env=nobus_env, capture_output=True, text=True)
        accounts = json.loads(out.stdout) if out.returncode == 0 else {}
        check("dconf without a bus: a new ferry-cli still knows the account",
              accounts.get("old", {}).get("state") == "signed-in", out.stdout + out.stderr)

        # #24: a frozen server (the process stopped: connections are taken, nothing answers).
        frozen_env = dict(env, FERRY_ANSWER_TIMEOUT="4", FERRY_CLI_WAIT_NOTICE_MS="1500")
        server.process.send_signal(signal.SIGSTOP)
        try:
            start = time.monotonic()
            out = subprocess.run([cli, "accounts"], env=frozen_env, capture_output=True, text=True, timeout=60)
            took = time.monotonic() - start
            check("frozen server: accounts ends within its deadline", out.returncode == 0 and took < 15,
                  f"{took:.1f} s\n" + out.stdout + out.stderr)
            check("frozen server: it says what it waits for while it waits",
                  "Waiting for " in out.stderr and "gives up after 4 s" in out.stderr, out.stderr)
            check("frozen server: not answering, never not signed in",
                  "not answering" in out.stdout and "not signed in" not in out.stdout, out.stdout)
            out = subprocess.run([cli, "backup", "--output", os.path.join(config_home, "b")], env=frozen_env,
                                 capture_output=True, text=True, timeout=60)
            check("frozen server: backup says the server is not answering, not to sign in",
                  out.returncode == 1 and "not answering" in out.stderr and "Sign in first" not in out.stderr,
                  out.stdout + out.stderr)
        finally:
            server.process.send_signal(signal.SIGCONT)
    finally:
        server.stop()

    return finish()


if __name__ == "__main__":
    sys.exit(main())
