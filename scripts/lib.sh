# Shared by scripts/run, scripts/test and scripts/archive: find the project, install what is missing.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# apt-get update, then install the packages; while another apt or dpkg holds its lock (an unattended
# upgrade, a second script), it waits for it, up to 15 minutes, instead of failing.
apt_install() {
  local tries=0
  until as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 update -qq 2> "${TMPDIR:-/tmp}/apt-update.err"; do
    if ! grep -qi "lock" "${TMPDIR:-/tmp}/apt-update.err" || [ $((tries += 1)) -gt 180 ]; then cat "${TMPDIR:-/tmp}/apt-update.err" >&2; return 1; fi
    sleep 5
  done
  as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -qq "$@" > /dev/null
}

ensure_dotnet() {
  command -v dotnet >/dev/null 2>&1 && return
  echo "The .NET 10 SDK is needed: https://learn.microsoft.com/dotnet/core/install/linux (apt-get install dotnet-sdk-10.0)" >&2
  exit 1
}

# The Archive starts its own PostgreSQL cluster from the server binaries; it needs no running service.
ensure_postgres() {
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    echo "Installing PostgreSQL's server binaries (apt-get install postgresql) …"
    apt_install postgresql
  fi
  if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  fi
}

# The broker tests start a RabbitMQ node of their own from Debian's package; no service is started.
ensure_rabbitmq() {
  command -v rabbitmq-server > /dev/null 2>&1 && return
  echo "Installing RabbitMQ (apt-get install rabbitmq-server) for the broker tests …"
  apt_install rabbitmq-server
}

# Word 97-2003 .doc files, which the portal still serves for older documents, are read by Debian's antiword.
# The tests compare the Archive's text of the real portal files with a second opinion made at test
# time by Debian's pdftotext (poppler-utils) and catdoc.
ensure_converters() {
  local missing=()
  command -v antiword > /dev/null 2>&1 || missing+=(antiword)
  command -v pdftotext > /dev/null 2>&1 || missing+=(poppler-utils)
  command -v catdoc > /dev/null 2>&1 || missing+=(catdoc)
  [ ${#missing[@]} -eq 0 ] && return
  echo "Installing ${missing[*]} (apt-get install ${missing[*]}) to read .doc files and check the texts of .pdf and .doc files …"
  apt_install "${missing[@]}"
}

# The transparency log is checked by the Go checksum database's own code (golang.org/x/mod/sumdb),
# which Debian packages: a test builds a small verifier against it, offline, in GOPATH mode.
ensure_go_sumdb() {
  command -v go > /dev/null 2>&1 && [ -d /usr/share/gocode/src/golang.org/x/mod/sumdb/tlog ] && return
  echo "Installing Go and golang.org/x/mod (apt-get install golang-go golang-golang-x-mod-dev) for the log's independent verifier …"
  apt_install golang-go golang-golang-x-mod-dev
}

# The originals' S3 tests start s3rver, an S3-compatible server from npm (Node from Debian where it is missing).
ensure_s3rver() {
  command -v s3rver > /dev/null 2>&1 && return
  if ! command -v npm > /dev/null 2>&1; then
    echo "Installing Node.js and npm (apt-get install nodejs npm) for the S3 test server …"
    apt_install nodejs npm
  fi
  echo "Installing s3rver (npm install -g s3rver@3.7.1) for the originals' S3 tests …"
  as_root npm install -g --no-audit --no-fund --silent s3rver@3.7.1 > /dev/null
}

# The browser tests drive Debian's Chromium through Playwright (no browser download).
ensure_chromium() {
  command -v chromium > /dev/null 2>&1 && return
  echo "Installing Chromium (apt-get install chromium) for the browser tests …"
  apt_install chromium
}

# The Archive the scripts run is published ReadyToRun (compiled ahead for this machine's runtime
# identifier): a command starts in about half the time, 1.5 s instead of 3 s for an empty import
# (docs/benchmarks.md). The first build takes a minute longer.
ARCHIVE_DLL="$ROOT/.archive/build/Archive.Api.dll"

# Builds the Archive unless the build is newer than every source file.
build_archive() {
  if [ -f "$ARCHIVE_DLL" ] && [ -z "$(find "$ROOT/src" "$ROOT/Directory.Build.props" "$ROOT/Directory.Packages.props" -newer "$ARCHIVE_DLL" -type f -not -path '*/bin/*' -not -path '*/obj/*' -print -quit)" ]; then
    return
  fi
  echo "Building the Archive …" >&2
  local rid; rid=$(dotnet --info | awk '$1 == "RID:" { print $2; exit }')
  dotnet publish "$ROOT/src/Archive.Api/Archive.Api.csproj" -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true \
    -o "$(dirname "$ARCHIVE_DLL")" -nologo -v quiet -clp:ErrorsOnly >&2
  touch "$ARCHIVE_DLL"
}

# The same private PostgreSQL and the same API key for the server and the CLI.
archive_environment() {
  mkdir -p "$ROOT/.archive"
  if [ ! -s "$ROOT/.archive/api-key" ]; then
    (umask 077; echo "ak_$(head -c 20 /dev/urandom | od -An -tx1 | tr -d ' \n')" > "$ROOT/.archive/api-key")
  fi
  export Archive__ApiKey="${Archive__ApiKey:-$(cat "$ROOT/.archive/api-key")}"
  export Archive__PrivatePostgresDirectory="${Archive__PrivatePostgresDirectory:-$ROOT/.archive/pg}"
  export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
  export ASPNETCORE_CONTENTROOT="$(dirname "$ARCHIVE_DLL")"
}

# Starts the private cluster if it is not running (stopping it again on exit: a script that sets
# its own EXIT trap runs "$PRIVATE_STOP" in it), and sets PRIVATE_PORT and PGPASSWORD for
# psql_private. For scripts that need a scratch database.
PRIVATE_STOP=
start_private_cluster() {
  dotnet "$ARCHIVE_DLL" help > /dev/null 2>&1 || true   # creates the cluster the first time
  local pg="$Archive__PrivatePostgresDirectory" bin
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  export PGPASSWORD; PGPASSWORD=$(cat "$pg/password")
  if as_postgres "$bin/pg_ctl" -D "$pg/data" status > /dev/null 2>&1; then
    PRIVATE_PORT=$(sed -n 4p "$pg/data/postmaster.pid")
  else
    PRIVATE_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    # LZ4 for stored texts where these binaries have it, as the Archive's own start does (PrivatePostgres).
    local lz4=""; as_postgres "$bin/postgres" -D "$pg/data" -C default_toast_compression -c default_toast_compression=lz4 > /dev/null 2>&1 && lz4=" -c default_toast_compression=lz4"
    as_postgres "$bin/pg_ctl" -D "$pg/data" -l "$pg/server.log" -w -o "-p $PRIVATE_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=''$lz4" start > /dev/null
    PRIVATE_STOP="as_postgres '$bin/pg_ctl' -D '$pg/data' -m fast stop > /dev/null"
    trap 'eval "$PRIVATE_STOP"' EXIT
  fi
}

as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

psql_private() { psql -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PRIVATE_PORT" -U postgres "$@"; }

# A package a bench script needs (wrk, time), installed the first time (the index updated first: a
# fresh machine has none).
ensure_package() {
  command -v "$1" > /dev/null && return
  echo "Installing $2 (apt-get install $2) …"
  apt_install "$2"
}
