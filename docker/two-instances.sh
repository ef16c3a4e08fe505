#!/usr/bin/env bash
# Two CNN Lab instances behind Debian's nginx on this machine, with sticky sessions (docker/nginx/cnnlab.conf).
# Not the system nginx service: nginx runs from a temporary prefix with its own config, pid and logs.
# Ctrl-C (or SIGTERM) stops both instances and nginx; so does either of them ending.
#
#   mvn -B package -DskipTests && docker/two-instances.sh        then open http://127.0.0.1:8080/
#
# Environment (all optional):
#   CNNLAB_PROXY_HOST / CNNLAB_PROXY_PORT   where nginx listens (127.0.0.1 / 8080; 0.0.0.0 for a lab)
#   CNNLAB_NODE1_PORT / CNNLAB_NODE2_PORT   the instances, on loopback (8081 / 8082)
#   CNNLAB_GALLERY                           the gallery folder both instances share (./gallery)
#   CNNLAB_MODELS                            models folder (./models)
#   JAVA, JAVA_OPTS                          the java command (java) and its options (-Xmx2g)
#   CNNLAB_CLASSPATH                         run cnnlab.Main from this class path instead of target/cnn-lab.jar
#                                            (the end-to-end test uses its own, built before packaging)
#   CNNLAB_START_TIMEOUT                     seconds to wait for an instance's /health (300)
set -euo pipefail
cd "$(dirname "$0")/.."

proxy_host=${CNNLAB_PROXY_HOST:-127.0.0.1}
proxy_port=${CNNLAB_PROXY_PORT:-8080}
ports=("${CNNLAB_NODE1_PORT:-8081}" "${CNNLAB_NODE2_PORT:-8082}")
gallery=$(realpath -m "${CNNLAB_GALLERY:-gallery}")
timeout=${CNNLAB_START_TIMEOUT:-300}
java_cmd=${JAVA:-java}
read -r -a java_opts <<< "${JAVA_OPTS:--Xmx2g}"
if [ -n "${CNNLAB_CLASSPATH:-}" ]; then
  app=(-cp "$CNNLAB_CLASSPATH" cnnlab.Main)
else
  [ -f target/cnn-lab.jar ] || { echo "target/cnn-lab.jar is missing: run mvn -B package -DskipTests first" >&2; exit 1; }
  app=(-jar target/cnn-lab.jar)
fi
command -v nginx >/dev/null || { echo "nginx is not installed (Debian: apt-get install nginx)" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/cnnlab-two.XXXXXX")
chmod 755 "$work"   # when run as root, nginx's workers (nobody) need to reach their temp folders in here
pids=()

# shellcheck disable=SC2317  # called by the EXIT trap
stop() {
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
  echo "stopped"
}
trap stop EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

# 0 once GET /health on host $1 port $2 answers 200 (plain bash: no curl needed)
healthy() {
  local status
  { exec 3<>"/dev/tcp/$1/$2"; } 2>/dev/null || return 1   # the braces also silence bash's "connection refused"
  printf 'GET /health HTTP/1.0\r\nHost: %s\r\n\r\n' "$1" >&3
  read -r -t 5 _ status _ <&3 || status=
  exec 3<&- 3>&-
  [ "$status" = 200 ]
}

mkdir -p "$gallery"
for i in 0 1; do
  node="node$((i + 1))"
  CNNLAB_HOST=127.0.0.1 CNNLAB_PORT=${ports[$i]} CNNLAB_NODE=$node CNNLAB_BEHIND_PROXY=true CNNLAB_GALLERY=$gallery \
    "$java_cmd" "${java_opts[@]}" "${app[@]}" > "$work/$node.log" 2>&1 &
  pids+=($!)
  echo "$node: pid $!, http://127.0.0.1:${ports[$i]}/, log $work/$node.log"
done

for i in 0 1; do
  node="node$((i + 1))"
  waited=0
  until healthy 127.0.0.1 "${ports[$i]}"; do
    if ! kill -0 "${pids[$i]}" 2>/dev/null || [ "$waited" -ge "$timeout" ]; then
      echo "$node did not come up (waited ${waited}s); last lines of its log:" >&2
      tail -n 20 "$work/$node.log" >&2
      exit 1
    fi
    sleep 1
    waited=$((waited + 1))
  done
done

# the shared config, its placeholders filled in, inside a minimal nginx.conf of our own
mkdir -p "$work/nginx"
sed -e "s|\${CNNLAB_NODE1_ADDRESS}|127.0.0.1:${ports[0]}|g" \
    -e "s|\${CNNLAB_NODE2_ADDRESS}|127.0.0.1:${ports[1]}|g" \
    -e "s|\${CNNLAB_PROXY_LISTEN}|$proxy_host:$proxy_port|g" docker/nginx/cnnlab.conf > "$work/nginx/cnnlab.conf"
cat > "$work/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 512; }
http {
    access_log $work/nginx/access.log;
    client_body_temp_path $work/nginx/body;
    proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fastcgi;
    uwsgi_temp_path $work/nginx/uwsgi;
    scgi_temp_path $work/nginx/scgi;
    include $work/nginx/cnnlab.conf;
}
CONF
nginx -q -t -p "$work/nginx" -c "$work/nginx/nginx.conf"
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -g 'daemon off;' &
pids+=($!)
echo "nginx: pid $!, config $work/nginx/nginx.conf, logs $work/nginx/"
probe_host=$proxy_host
[ "$probe_host" = 0.0.0.0 ] && probe_host=127.0.0.1
for _ in $(seq 1 50); do healthy "$probe_host" "$proxy_port" && break; sleep 0.2; done
healthy "$probe_host" "$proxy_port" || { echo "nginx does not answer on $proxy_host:$proxy_port" >&2; exit 1; }

# the line the end-to-end test waits for
echo "ready: http://$proxy_host:$proxy_port/ (node1 on ${ports[0]}, node2 on ${ports[1]}, gallery $gallery); Ctrl-C stops all"
wait -n "${pids[@]}" || true
echo "a process ended: stopping the others" >&2
exit 1
