#!/usr/bin/env bash
# Builds, without a registry or a container engine, a small Java 17 runtime image as a docker-archive tarball that
# Jib can start from (quarkus.jib.base-jvm-image=tar://...): a jlink'd runtime of this machine's JDK in /opt/java,
# the shared libraries it links against, CA certificates, /etc/passwd and /etc/group with uid/gid 185 (the uid the
# Kubernetes manifests run as), /tmp, and nothing else (no shell). For building and checking images offline; with a
# registry at hand, the build uses registry.access.redhat.com/ubi9/openjdk-17-runtime instead.
#
# Usage: deploy/images/base-image.sh OUT.tar     Needs: a JDK 17 with jmods (jlink), tar, sha256sum.
set -euo pipefail
out="${1:?usage: base-image.sh OUT.tar}"
java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
[ -d "$java_home/jmods" ] || { echo "base-image: $java_home has no jmods; jlink needs a full JDK" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
root="$work/rootfs"
mkdir -p "$root/opt" "$root/etc" "$root/tmp" "$root/deployments"
chmod 1777 "$root/tmp"

# Java SE whole, plus what the services use beyond it: Japanese charsets (Shift_JIS bank statements) and locale data,
# PKCS#11 (an HSM), EC, UnixSystem, JFR and jcmd for diagnosis
modules=java.se,jdk.charsets,jdk.localedata,jdk.crypto.cryptoki,jdk.crypto.ec,jdk.security.auth,jdk.unsupported,\
jdk.zipfs,jdk.naming.dns,jdk.net,jdk.jfr,jdk.management,jdk.management.jfr,jdk.jcmd,jdk.attach
"$java_home/bin/jlink" --add-modules "$modules" --include-locales=en,ja --strip-debug --no-header-files --no-man-pages --compress=2 \
  --output "$root/opt/java"
# the trust store the JDK uses (on Debian a link into /etc/ssl)
cp -L "$java_home/lib/security/cacerts" "$root/opt/java/lib/security/cacerts"

# every shared library the runtime links against, at its own path
find "$root/opt/java" -type f \( -name '*.so' -o -perm -u+x \) -print0 | xargs -0 ldd 2>/dev/null \
  | awk '/=> \// {print $3} /^\t\/lib/ {print $1}' | sort -u | while read -r lib; do
  mkdir -p "$root$(dirname "$lib")"
  cp -L "$lib" "$root$lib"
done
mkdir -p "$root/lib64"
cp -L /lib64/ld-linux-x86-64.so.2 "$root/lib64/"

printf 'root:x:0:0:root:/root:/sbin/nologin\ncertdesk:x:185:185:certdesk:/deployments:/sbin/nologin\n' > "$root/etc/passwd"
printf 'root:x:0:\ncertdesk:x:185:\n' > "$root/etc/group"
printf 'hosts: files dns\n' > "$root/etc/nsswitch.conf"

# one layer, reproducible: fixed times and owners, sorted names
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$root" -cf "$work/layer.tar" .
diff_id="sha256:$(sha256sum "$work/layer.tar" | cut -d' ' -f1)"
cat > "$work/config.json" <<JSON
{"architecture":"amd64","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"User":"185","Env":["PATH=/opt/java/bin:/usr/bin:/bin","JAVA_HOME=/opt/java","LANG=C.UTF-8"],"WorkingDir":"/deployments"},
 "rootfs":{"type":"layers","diff_ids":["$diff_id"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"deploy/images/base-image.sh: jlink of $(basename "$java_home")"}]}
JSON
printf '[{"Config":"config.json","RepoTags":["certdesk/java17-base:local"],"Layers":["layer.tar"]}]\n' > "$work/manifest.json"
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$work" -cf "$out" manifest.json config.json layer.tar
echo "base image: $out ($(du -h "$out" | cut -f1), layer $diff_id)"
