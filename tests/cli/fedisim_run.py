"""What the ferry-cli tests and the benchmarks share: TAP checks, the standalone fedisim
started and read, and a sign-in through ferry-cli with fedisim-browse in the person's place, and a run
killed part-way."""

import os
import re
import signal
import subprocess
import sys
import tempfile
import time

results = []


def check(description, condition, detail=""):
    results.append(condition)
    print(f"{'ok' if condition else 'not ok'} {len(results)} - {description}")
    if not condition and detail:
        for line in str(detail).splitlines()[-15:]:
            print(f"# {line}")


def finish():
    print(f"1..{len(results)}")
    return 0 if all(results) else 1


def skip_without_keyring():
    """True (after printing the TAP skip) when there is no keyring to keep sign-ins in."""
    if "GNOME_KEYRING_CONTROL" not in os.environ and not os.environ.get("FERRY_REQUIRE_SECRETS"):
        print("1..0 # SKIP no keyring: run under build-aux/with-keyring")
        return True
    return False


class Fedisim:
    """The standalone fedisim: hosts by server name, the CA to trust, tokens if printed."""

    def __init__(self, fedisim, config):
        self.process = subprocess.Popen([fedisim, "--config", config], stdout=subprocess.PIPE, text=True)
        self.hosts, self.tokens, self.ca = {}, [], None
        for line in self.process.stdout:
            m = re.match(r"^(\S+)\s+\S+\s+\S+\s+https://(\S+)$", line)
            if m:
                self.hosts[m.group(1)] = m.group(2)
            m = re.match(r"^\s+token: (\S+)$", line)
            if m:
                self.tokens.append(m.group(1))
            m = re.match(r"^Trust the test CA: FERRY_CA_FILE=(\S+)$", line)
            if m:
                self.ca = m.group(1)
            if line.startswith("Running"):
                break

    def answers(self, name):
        """How many answers server @name gave since the last call (SIGUSR1)."""
        self.process.send_signal(signal.SIGUSR1)
        for line in self.process.stdout:
            m = re.match(rf"^answers {re.escape(name)} (\d+)$", line)
            if m:
                return int(m.group(1))

    def requests(self, name):
        """Requests per route to server @name since the last call (SIGUSR1), as a dict."""
        self.process.send_signal(signal.SIGUSR1)
        counts = {}
        for line in self.process.stdout:
            if line.startswith(f"requests {name}\t"):
                _, route, n = line.rstrip("\n").split("\t")
                counts[route] = counts.get(route, 0) + int(n)
            elif re.match(rf"^answers {re.escape(name)} (\d+)$", line):
                return counts

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


def run_until(server, name, argv, env, target, early, counts, counted):
    """Runs argv and kills it (SIGKILL) once @target of the requests @counted(route) picks
    reached server @name during this run, or, for a @target of 0, after @early seconds.
    Adds every request seen to @counts (route -> n). Returns (how many counted requests it
    had made when killed, None), or (None, (returncode, output)) when it ended by itself."""
    with tempfile.TemporaryFile("w+") as output:
        run = subprocess.Popen(argv, env=env, stdout=output, stderr=subprocess.STDOUT, text=True)
        start = time.monotonic()
        seen = 0
        while run.poll() is None:
            for route, n in server.requests(name).items():
                counts[route] = counts.get(route, 0) + n
                seen += n if counted(route) else 0
            if seen >= target if target else time.monotonic() - start >= early:
                run.send_signal(signal.SIGKILL)
                run.wait()
                return seen, None
            time.sleep(0.005)
        output.seek(0)
        return None, (run.returncode, output.read())


def cli_env(ca, config_home, **extra):
    env = dict(os.environ, FERRY_CA_FILE=ca, FERRY_NO_BROWSER="1", GSETTINGS_BACKEND="keyfile",
               XDG_CONFIG_HOME=config_home, LC_ALL="C.UTF-8", LANGUAGE="en", **extra)
    env.pop("G_DEBUG", None)
    return env


def sign_in(cli, browse, ca, env, host, role, user, password, extra=()):
    """ferry-cli login through the loopback redirect, the browser played by fedisim-browse.
    Returns (returncode, output)."""
    login = subprocess.Popen([cli, "login", host, "--role", role, *extra], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = next((l.strip() for l in login.stdout if l.strip().startswith("https://")), None)
    if url is None:
        out, err = login.communicate(timeout=60)
        return login.returncode or 1, out + err
    browsed = subprocess.run([browse, "--ca-file", ca, "--user", user, "--password", password, url],
                             capture_output=True, text=True)
    out, err = login.communicate(timeout=60)
    return login.returncode, url + "\n" + browsed.stdout + browsed.stderr + out + err


if __name__ == "__main__":
    sys.exit("a module for tests/cli and tests/bench")
