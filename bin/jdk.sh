# Shared by ./dev and bin/jalchemy (sourced, not run): finds a JDK >= 21 by itself (JAVA_HOME,
# javac on PATH, /usr/lib/jvm, /opt, ~/.sdkman, ~/.jdks; JALCHEMY_JDK_DIRS replaces the places
# looked at), exports JAVA_HOME and PATH, and says clearly when there is none (exit 3).
# A JDK, not a JRE: the migration CLI compiles revision scripts with javac's API.
jdk_major() { # prints the feature version of the JDK at $1, or nothing
  local rel="$1/release" v
  [ -x "$1/bin/javac" ] || return 0
  if [ -f "$rel" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$rel")
  else
    v=$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
  fi
  [ "$v" = "1" ] && v=8
  echo "${v:-}"
}

find_jdk() {
  local cands=() c best="" bestv=0 v
  [ -n "${JAVA_HOME:-}" ] && cands+=("$JAVA_HOME")
  if command -v javac >/dev/null 2>&1; then
    cands+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  # JALCHEMY_JDK_DIRS (space-separated globs) replaces the usual places to look.
  local dirs="${JALCHEMY_JDK_DIRS:-/usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/lib/jvm/* $HOME/.sdkman/candidates/java/* $HOME/.jdks/*}"
  for c in $dirs; do
    [ -d "$c" ] && cands+=("$c")
  done
  for c in "${cands[@]}"; do
    v=$(jdk_major "$c")
    [ -n "$v" ] || continue
    if [ "$v" -ge 21 ] && [ "$v" -gt "$bestv" ]; then best="$c"; bestv="$v"; fi
    # JAVA_HOME wins when it is new enough
    if [ -n "${JAVA_HOME:-}" ] && [ "$c" = "$JAVA_HOME" ] && [ "$v" -ge 21 ]; then best="$c"; bestv="$v"; break; fi
  done
  if [ -z "$best" ]; then
    echo "jalchemy needs a JDK 21 or newer, and none was found." >&2
    echo "Looked at: JAVA_HOME, javac on PATH, /usr/lib/jvm, /opt/java, ~/.sdkman, ~/.jdks." >&2
    echo "Install one (e.g. apt-get install openjdk-21-jdk, or Temurin 21+) or set JAVA_HOME to it." >&2
    exit 3
  fi
  export JAVA_HOME="$best"
  export PATH="$JAVA_HOME/bin:$PATH"
}

