#!/usr/bin/env bash
# Builds the three services' container images with the Maven build (quarkus-container-image-jib) on a machine without
# a registry or a container engine, then runs the manifest contract test inside those images: a Java 17 base image is
# made here (base-image.sh), Jib builds each service on it and hands the result to docker-load-to-file instead of a
# Docker daemon, and ManifestContractTest unpacks each image and chroots into it with what the dev overlay gives the
# containers. Needs root (chroot, mount -t proc), a JDK 17 with jmods, kubectl and openssl.
#
# Usage: deploy/images/build-offline.sh [OUT_DIR]     (default: target/images; writes base.tar and <service>.tar)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
out="$(mkdir -p "${1:-target/images}" && cd "${1:-target/images}" && pwd)"
[ "$(id -u)" = 0 ] || { echo "build-offline: chroot and mount need root" >&2; exit 2; }

deploy/images/base-image.sh "$out/base.tar"
for service in keystore-service binding-service order-service; do
  CERTDESK_IMAGE_OUT="$out/$service.tar" ./mvnw -B -q package -DskipTests -pl "$service" \
    -Dquarkus.container-image.build=true -Dquarkus.jib.base-jvm-image="tar://$out/base.tar" \
    -Dquarkus.jib.docker-executable-name="$root/deploy/images/docker-load-to-file"
  echo "image: $out/$service.tar ($(du -h "$out/$service.tar" | cut -f1))"
done
./mvnw -B test -pl deploy/kubernetes/verify -Dcertdesk.manifest.images="$out"
