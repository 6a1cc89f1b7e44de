# Shared by scripts/run, scripts/test and scripts/archive: find the project, install what is missing.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

ensure_dotnet() {
  command -v dotnet >/dev/null 2>&1 && return
  echo "The .NET 10 SDK is needed: https://learn.microsoft.com/dotnet/core/install/linux (apt-get install dotnet-sdk-10.0)" >&2
  exit 1
}

# The Archive starts its own PostgreSQL cluster from the server binaries; it needs no running service.
ensure_postgres() {
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    echo "Installing PostgreSQL's server binaries (apt-get install postgresql) …"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  fi
}

ARCHIVE_DLL="$ROOT/src/Archive.Api/bin/Release/net10.0/Archive.Api.dll"

# Builds the Archive unless the build is newer than every source file.
build_archive() {
  if [ -f "$ARCHIVE_DLL" ] && [ -z "$(find "$ROOT/src" "$ROOT/Directory.Build.props" "$ROOT/Directory.Packages.props" -newer "$ARCHIVE_DLL" -type f -not -path '*/bin/*' -not -path '*/obj/*' -print -quit)" ]; then
    return
  fi
  echo "Building the Archive …" >&2
  dotnet build "$ROOT/src/Archive.Api/Archive.Api.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly >&2
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
