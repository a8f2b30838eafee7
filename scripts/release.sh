#!/usr/bin/env bash
# release.sh checks and prepares releases of the nested modules that are
# published (see RELEASING.md). It never commits, tags or pushes.
#
#   scripts/release.sh check [REV]   build and vet every released nested
#                                    module with its replace dropped, against
#                                    the root module of commit REV (default
#                                    HEAD), served from a local file proxy:
#                                    offline, as a user would get them
#   scripts/release.sh bump vX.Y.Z   make every released nested module
#                                    require the root at tag vX.Y.Z with no
#                                    replace, then run the check at that tag
#   scripts/release.sh dev           put the replace back after a release
set -euo pipefail

root_mod=github.com/errorpage/errorpage
# The nested modules users install. integration and e2e are test-only and
# example is the demo: they are never tagged and keep their replace.
released=(redisstore otel prometheus)

cd "$(git rev-parse --show-toplevel)"

die() { echo "release.sh: $*" >&2; exit 1; }

# tmp holds the file proxy, the module cache and the sources of a check.
tmp=""
cleanup() {
	# The fresh module cache is read-only unless -modcacherw; make sure it
	# can be removed either way.
	[ -z "$tmp" ] || { chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"; }
}
trap cleanup EXIT

# version_of prints the version the root module has at commit $1: its tag if
# one points at it, else the pseudo-version the go command would give it.
version_of() {
	local commit=$1 tag base ts
	tag=$(git tag --points-at "$commit" --list 'v[0-9]*.[0-9]*.[0-9]*' | grep -E '^v[0-9]+\.[0-9]+\.[0-9]+$' | sort -V | tail -n1 || true)
	if [ -n "$tag" ]; then echo "$tag"; return; fi
	ts=$(TZ=UTC git show -s --format=%cd --date=format-local:%Y%m%d%H%M%S "$commit")
	base=$(git describe --tags --abbrev=0 --match 'v[0-9]*.[0-9]*.[0-9]*' "$commit" 2>/dev/null || true)
	if [[ $base =~ ^v([0-9]+)\.([0-9]+)\.([0-9]+)$ ]]; then
		echo "v${BASH_REMATCH[1]}.${BASH_REMATCH[2]}.$((BASH_REMATCH[3] + 1))-0.$ts-${commit:0:12}"
	else
		echo "v0.0.0-$ts-${commit:0:12}"
	fi
}

# serve_root writes the root module at commit $1, version $2, into the file
# proxy at $3, in the layout of a GOPROXY: list, .info, .mod, .zip. The zip
# holds what a module zip holds: the committed files, without the
# directories of nested modules.
serve_root() {
	local commit=$1 version=$2 proxy=$3 dir excludes=()
	dir="$proxy/$root_mod/@v"
	mkdir -p "$dir"
	while IFS= read -r gomod; do
		[ "$gomod" = go.mod ] || excludes+=(":(exclude)$(dirname "$gomod")")
	done < <(git ls-tree -r --name-only "$commit" | grep -E '(^|/)go\.mod$')
	git archive --format=zip --prefix="$root_mod@$version/" -o "$dir/$version.zip" "$commit" -- . "${excludes[@]}"
	git show "$commit:go.mod" >"$dir/$version.mod"
	printf '{"Version":"%s","Time":"%s"}\n' "$version" "$(TZ=UTC git show -s --format=%cd --date=format-local:%Y-%m-%dT%H:%M:%SZ "$commit")" >"$dir/$version.info"
	echo "$version" >>"$dir/list"
}

# check builds and vets each released nested module of commit $1 against
# the root module of the same commit, fetched only from the file proxy.
check() {
	local rev=${1:-HEAD} commit version mod
	commit=$(git rev-parse --verify "$rev^{commit}") || die "no commit $rev"
	version=$(version_of "$commit")
	cleanup
	tmp=$(mktemp -d)
	serve_root "$commit" "$version" "$tmp/proxy"
	local real_cache
	real_cache=$(go env GOMODCACHE)
	for mod in "${released[@]}"; do
		echo "release.sh: $mod at ${commit:0:12} against $root_mod@$version, replace dropped"
		mkdir -p "$tmp/src"
		git archive "$commit" "$mod" | tar -x -C "$tmp/src"
		(
			cd "$tmp/src/$mod"
			# A fresh module cache, so that the root module can only come
			# from the file proxy; every other module comes from the
			# download cache of this machine, itself laid out as a proxy.
			# Nothing is fetched from the network: the checksum database is
			# skipped for our own modules only.
			export GOWORK=off GOTOOLCHAIN=local GOFLAGS='-mod=mod -modcacherw' \
				GOMODCACHE="$tmp/modcache" \
				GOPROXY="file://$tmp/proxy,file://$real_cache/cache/download" \
				GONOSUMDB="$root_mod" GOPRIVATE= GONOPROXY=
			go mod edit -dropreplace="$root_mod" -require="$root_mod@$version"
			got=$(go list -m -f '{{.Version}} {{if .Replace}}replaced{{end}}' "$root_mod")
			[ "$got" = "$version " ] || die "$mod: resolved $root_mod as \"$got\", want $version from the proxy"
			go build ./...
			go vet ./...
		)
	done
}

bump() {
	local tag=${1:-} mod
	[[ $tag =~ ^v[0-9]+\.[0-9]+\.[0-9]+$ ]] || die "usage: release.sh bump vX.Y.Z"
	git rev-parse --verify --quiet "refs/tags/$tag" >/dev/null || die "tag the root module first: git tag $tag && git push origin $tag"
	for mod in "${released[@]}"; do
		(cd "$mod" && go mod edit -dropreplace="$root_mod" -require="$root_mod@$tag")
	done
	check "$tag"
	# go.sum needs the published root's hashes: from the real proxy, which
	# has had the tag since it was pushed.
	for mod in "${released[@]}"; do
		(cd "$mod" && go mod tidy) || die "$mod: go mod tidy failed; was $tag pushed?"
	done
	echo
	echo "release.sh: every released module requires $root_mod $tag, with no replace. Next:"
	echo "  git commit -am 'Release ${released[*]} $tag' && git push"
	for mod in "${released[@]}"; do
		echo "  git tag $mod/$tag && git push origin $mod/$tag"
	done
	echo "  scripts/release.sh dev   (then commit: the replace is back for development)"
}

dev() {
	local mod
	for mod in "${released[@]}"; do
		(cd "$mod" && go mod edit -replace="$root_mod=../" && go mod tidy)
	done
}

case ${1:-} in
check) check "${2:-HEAD}" ;;
bump) bump "${2:-}" ;;
dev) dev ;;
*) die "usage: release.sh check [REV] | bump vX.Y.Z | dev" ;;
esac
