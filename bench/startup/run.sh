#!/usr/bin/env bash
# Start-up to first served request: the same application wired by the generated container and annotated routes,
# versus by hand with Router.builder(). Fresh JVMs, interleaved (the order alternates every round), medians.
#
#   bench/startup/run.sh [rounds]      (default 15; run from anywhere, JAVA_HOME must be a JDK 21+)
#
# It builds the module (reactor, no install), then for each JVM flag set launches both variants once per round.
# Doors: "router" hands the request to Router.handle (the call every door makes); "server" starts the Netty server
# on an ephemeral loopback port and sends the request over a socket.
# "wall" is process launch to exit as seen from this script (JVM boot + main + first response + exit);
# "cpu" is the process's user + system CPU time (less sensitive than wall time to other load on the machine);
# "main" is what the application measures from the start of main() to its first response;
# "classes" is how many classes the JVM loaded (deterministic: one extra run per variant with -Xlog:class+load).
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-15}
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

mvn -B -q -Dstyle.color=never -pl bench/startup -am package -DskipTests dependency:build-classpath \
    -Dmdep.outputFile=target/runtime-classpath.txt -Dmdep.includeScope=runtime >/dev/null
cp="bench/startup/target/classes:$(cat bench/startup/target/runtime-classpath.txt)"

median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%.1f\n", (a[NR/2]+a[NR/2+1])/2}'; }

run_once() { # flags main -> "wall_ms main_us cpu_ms"
    local t0 t1 out times
    times=$(mktemp)
    t0=$(date +%s%N)
    out=$(/usr/bin/time -f "%U %S" -o "$times" "$java" $1 -cp "$cp" "$2" 2>>bench/startup/target/run.log)
    t1=$(date +%s%N)
    echo "$(( (t1 - t0) / 1000000 )) $(echo "$out" | awk '{print $3}') $(awk '{printf "%d", ($1 + $2) * 1000}' "$times")"
    rm -f "$times"
}

classes() { # main -> number of classes loaded
    "$java" -Xshare:auto -Xlog:class+load -cp "$cp" "$1" 2>/dev/null | grep -c 'class,load'
}

echo "JVM: $("$java" -version 2>&1 | head -1); rounds: $rounds; cores: $(nproc); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "Classes loaded: annotated $(classes dev.allframe.bench.startup.annotated.Main), programmatic $(classes dev.allframe.bench.startup.programmatic.Main)"
echo
echo "| JVM flags | variant | wall median (ms) | CPU median (ms) | main-to-first-response median (ms) |"
echo "|---|---|---|---|---|"
for flags in "-Dstartup.door=router -Xshare:auto" "-Dstartup.door=router -Xshare:auto -XX:TieredStopAtLevel=1" \
             "-Dstartup.door=server -Xshare:auto"; do
    a_wall=(); a_main=(); a_cpu=(); p_wall=(); p_main=(); p_cpu=()
    for ((i = 0; i < rounds; i++)); do
        if (( i % 2 == 0 )); then order="a p"; else order="p a"; fi
        for v in $order; do
            if [ "$v" = a ]; then
                read -r w m c < <(run_once "$flags" dev.allframe.bench.startup.annotated.Main)
                a_wall+=("$w"); a_main+=("$m"); a_cpu+=("$c")
            else
                read -r w m c < <(run_once "$flags" dev.allframe.bench.startup.programmatic.Main)
                p_wall+=("$w"); p_main+=("$m"); p_cpu+=("$c")
            fi
        done
    done
    aw=$(printf '%s\n' "${a_wall[@]}" | median); pw=$(printf '%s\n' "${p_wall[@]}" | median)
    am=$(printf '%s\n' "${a_main[@]}" | median); pm=$(printf '%s\n' "${p_main[@]}" | median)
    ac=$(printf '%s\n' "${a_cpu[@]}" | median); pc=$(printf '%s\n' "${p_cpu[@]}" | median)
    printf '| `%s` | annotated (generated container) | %s | %s | %.1f |\n' "$flags" "$aw" "$ac" \
        "$(echo "$am / 1000" | bc -l)"
    printf '| `%s` | programmatic (baseline) | %s | %s | %.1f |\n' "$flags" "$pw" "$pc" "$(echo "$pm / 1000" | bc -l)"
    printf '| `%s` | ratio annotated / programmatic | %.3f | %.3f | %.3f |\n' "$flags" "$(echo "$aw / $pw" | bc -l)" \
        "$(echo "$ac / $pc" | bc -l)" "$(echo "$am / $pm" | bc -l)"
done
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg); server logs: bench/startup/target/run.log"
