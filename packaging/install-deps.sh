#!/usr/bin/env bash
# Installs every Debian 12 package Shatter needs to build, test and run.
# Idempotent: when everything is already there it installs nothing and exits quickly.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  qt6-base-dev qt6-svg-dev libqt6svg6 qt6-qpa-plugins libgl-dev
  libqcustomplot-dev
  libtorch-dev libopenblas0-pthread
  libopencv-dev
  # animated figures: GIF through giflib (MP4 goes through OpenCV's FFmpeg-backed video writer)
  libgif-dev
  nlohmann-json3-dev libcli11-dev zlib1g-dev libarchive-dev
  dataset-fashion-mnist
  fonts-dejavu-core
  # the sweep tests against a real Slurm (tests/slurm): controller, node daemon, commands, MUNGE
  slurm-wlm munge
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -q
"${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"

# Debian's libtorch calls the system BLAS through the alternatives system; the reference BLAS
# is ~25x slower than OpenBLAS, so make sure OpenBLAS is the one selected.
arch=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || echo x86_64-linux-gnu)
for lib in libblas.so.3 liblapack.so.3; do
  cand="/usr/lib/$arch/openblas-pthread/$lib"
  if [ -e "$cand" ]; then
    "${sudo_cmd[@]}" update-alternatives --set "$lib-$arch" "$cand" >/dev/null 2>&1 || true
  fi
done
echo "install-deps: done"
