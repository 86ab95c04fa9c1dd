#!/usr/bin/env bash
# Turns a Debian 12 tablet into a Yizhan kiosk: the packages it needs, a kiosk user that logs in by itself into
# Cage running the app (restarted whenever it exits), no sleep, the clock synchronised, and the station's own file
# in place. Not Ubuntu 24.04: it refuses the AppImage user namespaces, so the app would run without Chromium's OS
# sandbox (docs/deploy.md). Run as root; safe to run again. docs/deploy.md walks through it.
#
#   sudo ./setup-tablet.sh --station tablets/xingfuli-07/station.json --appimage Yizhan-1.2.0.AppImage
#   sudo ./setup-tablet.sh --station station.json --deb yizhan-kiosk_1.2.0_arm64.deb
#   sudo ./setup-tablet.sh --root /mnt/image --station station.json --appimage Yizhan.AppImage
#
# --root prepares a mounted image instead of this machine: files, the kiosk user and the units, but no packages
# (it prints the list; install them into the image the way it is built).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root=""
station=""
appimage=""
deb=""

usage() {
  sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
}
while [ $# -gt 0 ]; do
  case "$1" in
    --root) root="${2:?--root needs a folder}"; shift 2 ;;
    --station) station="${2:?--station needs a file}"; shift 2 ;;
    --appimage) appimage="${2:?--appimage needs a file}"; shift 2 ;;
    --deb) deb="${2:?--deb needs a file}"; shift 2 ;;
    -h|--help) usage ;;
    *) echo "unknown option $1" >&2; usage ;;
  esac
done
[ "$(id -u)" -eq 0 ] || { echo "run as root (sudo)" >&2; exit 1; }
if [ -n "$appimage" ] && [ -n "$deb" ]; then echo "--appimage or --deb, not both" >&2; exit 2; fi
if [ -z "$station" ] && [ ! -f "$root/etc/yizhan/station.json" ]; then
  echo "no --station file and none in $root/etc/yizhan: give the station.json that 'server:cli provision' wrote for this tablet" >&2
  exit 2
fi

# Cage; fonts for Chinese and the service icons; speech for read-aloud (Chromium speaks on Linux only through
# speech-dispatcher, with espeak-ng's Mandarin and English voices); the clock; a user D-Bus for the session.
packages=(cage fonts-noto-cjk fonts-noto-color-emoji speech-dispatcher speech-dispatcher-espeak-ng espeak-ng systemd-timesyncd dbus-user-session)
# The AppImage brings Electron but not the libraries the deb would depend on, nor FUSE to mount itself.
appimage_packages=(libfuse2 libgtk-3-0 libnss3 libxss1 libxtst6 libatspi2.0-0 libgbm1 libasound2 libnotify4 libsecret-1-0 libuuid1 xdg-utils)
if [ -n "$root" ]; then
  echo "packages this image needs (install them into it): ${packages[*]}${appimage:+ ${appimage_packages[*]}}"
else
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y --no-install-recommends "${packages[@]}"
  if [ -n "$appimage" ]; then apt-get install -y --no-install-recommends "${appimage_packages[@]}"; fi
  if [ -n "$deb" ]; then apt-get install -y "$(realpath "$deb")"; fi
fi

# The kiosk user: no password, no shell; logind gives its session the screen, touch and sound.
group_exists() { grep -q "^$1:" "$root/etc/group"; }
if ! grep -q '^kiosk:' "$root/etc/passwd"; then
  groups=()
  for g in audio video render input; do group_exists "$g" && groups+=("$g"); done
  useradd ${root:+--root "$root"} --create-home --user-group --shell /usr/sbin/nologin --comment 'Yizhan kiosk' \
    ${groups:+--groups "$(IFS=,; echo "${groups[*]}")"} kiosk
fi
kiosk_uid="$(awk -F: '$1 == "kiosk" { print $3 }' "$root/etc/passwd")"
kiosk_gid="$(awk -F: '$1 == "kiosk" { print $4 }' "$root/etc/passwd")"
kiosk_home="$root$(awk -F: '$1 == "kiosk" { print $6 }' "$root/etc/passwd")"

install -D -m 0644 "$here/yizhan-kiosk.service" "$root/etc/systemd/system/yizhan-kiosk.service"
install -D -m 0755 "$here/kiosk-session" "$root/usr/local/lib/yizhan/kiosk-session"
install -D -m 0644 "$here/pam.d/yizhan-kiosk" "$root/etc/pam.d/yizhan-kiosk"
for dropin in logind.conf.d sleep.conf.d timesyncd.conf.d; do
  install -D -m 0644 "$here/$dropin/yizhan-kiosk.conf" "$root/etc/systemd/$dropin/yizhan-kiosk.conf"
done

# The station's own file: readable by the kiosk, written only by an administrator (it holds the enrolment code).
if [ -n "$station" ]; then
  install -D -m 0640 -o 0 -g "$kiosk_gid" "$station" "$root/etc/yizhan/station.json"
fi
# The AppImage lives where the kiosk user may replace it: it updates itself from the centre.
if [ -n "$appimage" ]; then
  install -D -m 0755 -o "$kiosk_uid" -g "$kiosk_gid" "$appimage" "$kiosk_home/Yizhan.AppImage"
fi

systemctl ${root:+--root="$root"} enable yizhan-kiosk.service systemd-timesyncd.service
systemctl ${root:+--root="$root"} set-default graphical.target
systemctl ${root:+--root="$root"} mask sleep.target suspend.target hibernate.target hybrid-sleep.target suspend-then-hibernate.target

if [ -z "$root" ]; then
  systemctl daemon-reload
  echo "done: reboot, and the tablet starts into the kiosk (docs/deploy.md, step 4: verify the station)"
else
  echo "done: $root boots into the kiosk"
fi
