#!/usr/bin/env zsh
# Prints, one per line, what zsh's completion system offers for a command line, as if Tab were
# pressed at its end: an interactive zsh in a pseudo-terminal (zsh/zpty) with compinit, the given
# completion script sourced, and compadd reporting every match it is given.
#   zsh -f zsh-complete.zsh <completion-script> <command line>
zmodload zsh/zpty || exit 2
script=$1
shift
zpty z zsh -f -i
local line
init=$(mktemp "${TMPDIR:-/tmp}/zsh-complete.XXXXXX")
cat >"$init" <<INIT
PROMPT=
autoload -Uz compinit
compinit -u -d "${init}.zcompdump"
source "${script}"
bindkey '^M' undefined
bindkey '^J' undefined
bindkey '^I' complete-word
null-line () { echo -E - \$'\0' }
compprefuncs=( null-line )
comppostfuncs=( null-line exit )
zstyle ':completion:*' list-grouped false
zstyle ':completion:*' insert-tab false
zstyle ':completion:*' list-separator ''
compadd () {
  if [[ \${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "\$@"; return \$?; fi
  typeset -a __hits
  builtin compadd -A __hits "\$@"
  (( \$#__hits == 0 )) && return 1
  for i in {1..\$#__hits}; do echo -E - \$__hits[i]; done
}
echo ok
INIT
zpty -w z "source $init"
repeat 4; do
  zpty -r z line
  [[ $line == ok* ]] && break
done
[[ $line == ok* ]] || { echo 'zsh-complete: could not start the shell' >&2; rm -f "$init" "$init.zcompdump"; exit 2; }
zpty -w z "$*"$'\t'
integer tog=0
while zpty -r z; do :; done | while IFS= read -r line; do
  if [[ $line == *$'\0\r' ]]; then
    (( tog++ )) && break || continue
  fi
  (( tog )) && echo -E - "${line%$'\r'}"
done
rm -f "$init" "$init.zcompdump"
