#!/usr/bin/env python3
"""The standalone fedisim: started from the example config, it prints the servers and users,
each server answers as its flavour over HTTPS trusted through the printed CA, a person can sign
in on the HTML page, and SIGTERM stops it cleanly. TAP output."""

import http.cookiejar
import json
import os
import re
import signal
import ssl
import subprocess
import sys
import urllib.parse
import urllib.request

results = []


def check(description, condition, detail=""):
    results.append(condition)
    print(f"{'ok' if condition else 'not ok'} {len(results)} - {description}")
    if not condition and detail:
        for line in str(detail).splitlines():
            print(f"# {line}")


def main():
    fedisim, config, cli = sys.argv[1], sys.argv[2], sys.argv[3]
    proc = subprocess.Popen([fedisim, "--config", config], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    servers, users, ca = {}, {}, None
    for line in proc.stdout:
        m = re.match(r"^(\S+)\s+(mastodon|gotosocial|akkoma|legacy)\s+(\S+)\s+(https://\S+)$", line)
        if m:
            servers[m.group(1)] = (m.group(2), m.group(4))
            current = m.group(1)
        m = re.match(r"^\s+@([^@]+)@(\S+)\s+password: (\S+)", line)
        if m:
            users.setdefault(current, []).append((m.group(1), m.group(3)))
        m = re.match(r"^Trust the test CA: FERRY_CA_FILE=(\S+)$", line)
        if m:
            ca = m.group(1)
        if line.startswith("Running"):
            break

    check("four servers are listed", len(servers) == 4, servers)
    check("the CA to trust is printed", ca is not None)
    context = ssl.create_default_context(cafile=ca)

    software = {"mastodon": "mastodon", "gotosocial": "gotosocial"}
    for name, (flavour, url) in sorted(servers.items()):
        with urllib.request.urlopen(url + "/nodeinfo/2.0", context=context) as r:
            info = json.load(r)
        check(f"{name} answers NodeInfo as {flavour}", info["software"]["name"] == software[flavour], info)

    # A person signs in on the old Mastodon server's page.
    flavour, url = servers["mastodon-old"]
    user, password = users["mastodon-old"][0]
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPSHandler(context=context),
                                         urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(url + "/auth/sign_in").read().decode()
    token = re.search(r'name="authenticity_token" value="([^"]+)"', page)
    check("the sign-in page has a form with a CSRF token", token is not None, page)
    form = urllib.parse.urlencode({"authenticity_token": token.group(1), "user[email]": user,
                                   "user[password]": password}).encode()
    signed_in = opener.open(url + "/auth/sign_in", data=form).read().decode()
    check(f"signing in as {user} shows the account", f"@{user}" in signed_in, signed_in)
    migration = opener.open(url + "/settings/migration").read().decode()
    check("the migration page opens for the signed-in person", "Move followers" in migration, migration)

    # ferry-cli probe, trusting the run's CA the way a person with a private CA would.
    env = dict(os.environ, FERRY_CA_FILE=ca)
    for name, (flavour, url) in sorted(servers.items()):
        host = url[len("https://"):]
        out = subprocess.run([cli, "probe", host, "--json"], env=env, capture_output=True, text=True)
        ok = out.returncode == 0
        info = json.loads(out.stdout) if ok else {}
        want = "mastodon-web" if flavour == "mastodon" else "gotosocial-api"
        check(f"ferry-cli probe {name}: {flavour}, moves by {want}",
              ok and info.get("software") == software[flavour] and info.get("migration") == want,
              out.stdout + out.stderr)
    out = subprocess.run([cli, "probe", servers["mastodon-old"][1][len("https://"):]],
                         env={k: v for k, v in os.environ.items() if k != "FERRY_CA_FILE"},
                         capture_output=True, text=True)
    check("without the CA, ferry-cli refuses the server's certificate",
          out.returncode == 1 and "not safe" in out.stderr, out.stderr)

    proc.send_signal(signal.SIGTERM)
    check("SIGTERM stops it cleanly", proc.wait(timeout=10) == 0, proc.stderr.read())

    print(f"1..{len(results)}")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
