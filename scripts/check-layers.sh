#!/usr/bin/env bash
# Fails when a file includes from a layer above its own: each folder of src/ is a layer.
# Layers, lowest first:
set -euo pipefail
src=${1:-$(dirname "$0")/../src}
layers=(common model data measure network risk policy run report sweep serve cli)
rank() { local i; for i in "${!layers[@]}"; do [ "${layers[$i]}" = "$1" ] && { echo "$i"; return; }; done; echo -1; }
status=0
while IFS= read -r file; do
  layer=$(basename "$(dirname "$file")")
  mine=$(rank "$layer")
  [ "$mine" -ge 0 ] || { echo "layering: $file is in no known layer (${layers[*]})"; status=1; continue; }
  while IFS= read -r included; do
    target=${included%%/*}
    theirs=$(rank "$target")
    [ "$theirs" -ge 0 ] || continue
    if [ "$theirs" -gt "$mine" ]; then
      echo "layering: $file ($layer) includes $included from the higher layer $target"
      status=1
    fi
  done < <(sed -n 's/^#include "\([^"]*\)".*/\1/p' "$file")
done < <(find "$src" -name '*.h' -o -name '*.cpp' | sort)
[ $status -eq 0 ] && echo "layering: ok (${layers[*]})"
exit $status
