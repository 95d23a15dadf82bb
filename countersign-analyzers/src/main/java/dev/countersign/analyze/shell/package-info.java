/**
 * The shell-command analyser: what an agent's command line will do, as normalized actions, such
 * that wrappers, quoting and nesting cannot hide a destructive command.
 *
 * <p><b>Pipeline.</b> {@code ShellParser} (with {@code WordReader}, {@code CommandReader} and
 * {@code Heredocs}) reads the text into simple commands: quotes ({@code '…'}, {@code "…"}, {@code
 * $'…'} decoded, so {@code $'\x72m'} is {@code rm}), backslashes and line continuations, comments,
 * {@code ;} {@code &&} {@code ||} {@code |} {@code |&} {@code &} and newlines, subshells, {@code {
 * }} groups, {@code [[ ]]}, {@code case} patterns, function definitions, arithmetic, arrays,
 * redirections ({@code 2>&1}, {@code &>}, {@code >|}, {@code <}) and here-documents ({@code <<},
 * {@code <<-}, quoted delimiters; an unquoted body's {@code $(…)} runs). {@code $(…)}, backticks
 * and process substitutions are parsed as nested scripts that run too. Each word records whether it
 * expands at run time ({@code $X}, {@code $(…)}) or is a glob or brace pattern. {@code Wrappers}
 * then strips assignments, keywords and wrappers (sudo with its options, doas, env with {@code
 * -i}/{@code -u}/{@code -S}/{@code NAME=V}, nice, ionice, taskset, chrt, nohup, setsid, timeout,
 * time, stdbuf, unbuffer, strace, command, exec, builtin, xargs, busybox, flock, chroot, su/runuser
 * {@code -c}, watch, script {@code -c}, caffeinate, npx) and takes the base name of the program
 * path. {@code Dispatch} hands the invocation to a rule; a rule returns a {@code Verdict} and may
 * analyse what the command runs through its {@code Context}: a script ({@code bash -c}, {@code
 * eval}, {@code ssh HOST CMD} with the host in every reason, here-documents and literal {@code echo
 * …|} input fed to a shell, {@code psql}, {@code redis-cli} or {@code kubectl apply -f -}, {@code
 * parallel}, {@code at}, {@code git submodule foreach}, {@code gcloud … --command}, {@code az …
 * --scripts}, shell commands in inline code) or a command line ({@code find -exec}, {@code fd -x},
 * {@code kubectl exec}, {@code docker exec/run}). SQL goes to {@link
 * dev.countersign.analyze.sql.SqlAnalysis}, statement by statement.
 *
 * <p><b>What it reports.</b> Deletes, replaces and data loss of the tools agents use: files ({@code
 * rm -r} is data loss, {@code rm -f file} a delete without it, {@code find -delete}, {@code shred},
 * {@code dd of=}, {@code mkfs}, {@code truncate}, {@code rsync --delete}, {@code > /dev/sda}),
 * Terraform/OpenTofu/Terragrunt, kubectl, helm, aws, gcloud, az, SQL clients, redis-cli, Docker and
 * Podman, git, systemd and host tools, HTTP {@code DELETE}, framework database tasks. {@code mv SRC
 * DST} is an update with a {@code may-overwrite} warning, because the text cannot show whether DST
 * exists; {@code mv -f}/{@code -T} (the stated intent to replace) is a replace of DST, {@code mv
 * -n}/{@code --backup} a plain update, {@code mv X /dev/null} a delete. {@code > file} is an update
 * of the file. {@code systemctl stop} is an update with a {@code service-stopped} warning; {@code
 * git reset --hard} is data loss of uncommitted work at warning severity. Objects the text does not
 * show ({@code kubectl delete -f file}, {@code helm uninstall}) are stateful. What cannot be seen
 * into is an {@code exec} action with an {@value ShellCommands#OPAQUE} warning: a program computed
 * at run time ({@code $CMD}, {@code $(echo rm)}, {@code eval "$X"}, {@code r{m,}}), a script file
 * ({@code ./deploy.sh}, {@code bash x.sh}, {@code source f}), input from a pipe or file, inline
 * code, a task runner or test suite running the project's code, an {@code apply} without a reviewed
 * plan, an unknown program. Well-known readers are {@code read} and carry no finding. {@code
 * shell-cases.tsv} in the tests measures both directions.
 *
 * <p><b>Why a hand-written tokenizer, not tree-sitter-bash.</b> Evasion first: what decides is not
 * the grammar but what bash does to words before running them, and tree-sitter leaves all of that
 * to the caller: quote removal and concatenation ({@code r""m}, {@code '/bin/r'm}), {@code $'…'}
 * decoding, which words are computed at run time, here-document bodies fed to interpreters, and the
 * strings that are shell again ({@code bash -c}, {@code ssh}, {@code watch}, {@code su -c}). Those
 * are most of this package and would be written either way; with a grammar in front they would walk
 * a concrete syntax tree whose error recovery silently drops or re-shapes what it cannot parse,
 * where this reader fails with a positioned error or reports {@code opaque}. Speed second:
 * tree-sitter-bash parses about 23,000 compound commands a second on one thread here, before any
 * analysis, and the budget is 200,000 analysed commands a second; this parser and the rules
 * together analyse about 600,000 typical commands a second ({@code ShellAnalysisBenchmark}). It
 * also keeps the analyser free of native libraries and {@code --enable-native-access}. The cost is
 * that it is not a full bash grammar: see below.
 *
 * <p><b>Limits.</b> Nesting ({@code $(…)}, nested shells, wrappers) is bounded by {@link
 * dev.countersign.analyze.InputLimits#maxDepth()}; input by 1 MiB, re-parsed text by 4× the input,
 * and a text by 10,000 simple commands. Any input gives an analysis or an {@link
 * dev.countersign.analyze.AnalysisException} with a line and column.
 *
 * <p><b>Not modelled.</b> Variable values ({@code x=rm; $x} is opaque, {@code rm $FLAGS dir} is
 * judged without the flags), aliases, {@code cd} (paths stay relative), what scripts, Makefiles,
 * package scripts and images contain, code in interpreters beyond a pattern scan, {@code case}
 * patterns holding {@code )} inside {@code $(…)}, and here-documents started inside {@code $(…)}
 * whose body comes after it.
 *
 * <p>Depends on the core model and digest, {@code dev.countersign.analyze}, {@code
 * dev.countersign.analyze.sql} (SQL given to clients) and {@code dev.countersign.analyze.terraform}
 * (resource addresses, stateful types, environment containers); no third-party library.
 */
@NullMarked
package dev.countersign.analyze.shell;

import org.jspecify.annotations.NullMarked;
