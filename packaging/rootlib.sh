# packaging/rootlib.sh — sourced by packaging/devroot and packaging/install-test: making,
# caching and discarding Debian 13 roots with mmdebstrap, and running things as root.
# The sourcing script sets LOG_NAME (the prefix of its messages) first.

SUITE=trixie
CACHE=${PARALLAX_DEVROOT_CACHE:-/var/cache/parallax}

say() { printf '%s: %s\n' "${LOG_NAME:-parallax}" "$*" >&2; }
die() { say "$*"; exit 1; }

# Run a command as root: directly, or through sudo; a clear message when neither is possible.
as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1 && { sudo -n true 2>/dev/null || [ -t 0 ]; }; then
        sudo "$@"
    else
        die "this step needs root ($*), and sudo is not available here; run it as root or install sudo"
    fi
}

is_debian13() {
    [ -r /etc/os-release ] || return 1
    # shellcheck disable=SC1091
    . /etc/os-release
    [ "${ID:-}" = debian ] && { [ "${VERSION_ID:-}" = 13 ] || [ "${VERSION_CODENAME:-}" = "$SUITE" ]; }
}

host_tools() {
    local need=()
    command -v mmdebstrap >/dev/null 2>&1 || need+=(mmdebstrap)
    command -v bwrap >/dev/null 2>&1 || need+=(bubblewrap)
    if [ ${#need[@]} -gt 0 ]; then
        command -v apt-get >/dev/null 2>&1 || die "install ${need[*]} with your package manager, then try again"
        say "installing ${need[*]} on this host"
        as_root apt-get update -q
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}"
    fi
}

# root_path KIND PACKAGE... — where the root of that kind with those packages is cached: the
# name changes with the package list, so a changed list makes a new root.
root_path() {
    local kind=$1 hash
    shift
    hash=$(printf '%s\n' "$@" | sort | sha256sum | cut -c1-12)
    printf '%s/%s-%s' "$CACHE" "$kind" "$hash"
}

# make_root KIND PACKAGE... — creates the root (once; later calls find it complete) and discards
# roots of the same kind made from other package lists once they have not been entered for two
# weeks (another branch or clone may still use one).
make_root() {
    local kind=$1 dir tmp old
    shift
    dir=$(root_path "$kind" "$@")
    [ -e "$dir/.complete" ] && return 0
    host_tools
    as_root mkdir -p "$CACHE"
    tmp="$dir.partial"
    discard "$tmp"
    say "creating a Debian 13 root in $dir (about a minute, once)"
    # No mirror named: mmdebstrap uses Debian's default one (override with PARALLAX_MIRROR).
    as_root mmdebstrap --variant=apt --mode=root --quiet \
        --include="$(printf '%s\n' "$@" | paste -sd, -)" \
        "$SUITE" "$tmp" ${PARALLAX_MIRROR:+"$PARALLAX_MIRROR"} \
        || die "mmdebstrap failed; nothing was left in $CACHE"
    as_root touch "$tmp/.complete"
    as_root mv "$tmp" "$dir"
    for old in "$CACHE/$kind"-*; do
        [ "$old" = "$dir" ] && continue
        case $old in *.partial) continue ;; esac
        if [ -z "$(find "$old/.complete" -mtime -14 2>/dev/null)" ]; then
            discard "$old"
        fi
    done
}

# Removes a (possibly half-made) root: first whatever an interrupted mmdebstrap left mounted in
# it, then the files, never crossing into another file system.
discard() {
    local dir=$1 m
    [ -e "$dir" ] || return 0
    for m in $(awk -v d="$dir/" 'index($2, d) == 1 { print $2 }' /proc/mounts | sort -r); do
        as_root umount -l "$m"
    done
    as_root rm -rf --one-file-system "$dir"
}
