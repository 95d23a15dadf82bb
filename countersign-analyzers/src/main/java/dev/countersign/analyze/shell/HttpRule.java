package dev.countersign.analyze.shell;

import dev.countersign.model.Verb;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code curl}, {@code wget} and HTTPie: an HTTP {@code DELETE} deletes whatever the API holds at
 * the URL; {@code POST}, {@code PUT} and {@code PATCH} change it; {@code GET} reads; downloads into
 * a file write the file.
 */
final class HttpRule {

  private static final Set<String> CURL_VALUES =
      Names.of(
          "-H --header -d --data --data-raw --data-binary --data-urlencode -F --form -o "
              + "--output -u --user -A --user-agent -e --referer -b --cookie -c --cookie-jar -T "
              + "--upload-file -w --write-out -m --max-time --connect-timeout --retry -x "
              + "--proxy --cacert --cert --key -K --config --resolve -r --range --json -E -X "
              + "--request --url");
  private static final Set<String> BODY =
      Names.of(
          "-d --data --data-raw --data-binary --data-urlencode -F --form -T --upload-file "
              + "--json");

  private HttpRule() {}

  static Verdict classify(Invocation inv, Context ctx) {
    List<String> args = inv.args();
    String method = "";
    String url = "";
    boolean body = false;
    boolean download = inv.program().equals("wget");
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      String value = i + 1 < args.size() ? args.get(i + 1) : "";
      if (a.equals("-X") || a.equals("--request")) {
        method = value;
      } else if (a.startsWith("-X") && a.length() > 2) {
        method = a.substring(2);
      } else if (a.startsWith("--method=") || a.startsWith("--request=")) {
        method = a.substring(a.indexOf('=') + 1);
      } else if (a.startsWith("--post-data")
          || a.startsWith("--post-file")
          || BODY.contains(a)
          || a.startsWith("--data")
          || a.startsWith("--json")) {
        body = true;
      } else if (a.equals("-o")
          || a.equals("--output")
          || a.equals("-O")
          || a.equals("--remote-name")) {
        download = !value.equals("-") && !value.equals("/dev/null");
      } else if (!a.startsWith("-")
          && url.isEmpty()
          && (i == 0 || !CURL_VALUES.contains(args.get(i - 1)))) {
        url = httpieMethod(inv, a) ? url : a;
        method = httpieMethod(inv, a) ? a : method;
      }
      if (CURL_VALUES.contains(a)) {
        i++;
      }
    }
    if (inv.has("-qO-", "-O-") || inv.has("--spider")) {
      download = false;
    }
    String m = method.isEmpty() ? (body ? "POST" : "GET") : method.toUpperCase(Locale.ROOT);
    if (m.equals("DELETE")) {
      return Verdict.one(
          Verb.DELETE,
          "http-resource",
          url,
          false,
          inv.program() + " sends an HTTP DELETE to " + url);
    }
    if (!m.equals("GET") && !m.equals("HEAD") && !m.equals("OPTIONS")) {
      return Verdict.one(
          Verb.UPDATE,
          "http-resource",
          url,
          false,
          inv.program() + " sends an HTTP " + m + " to " + url);
    }
    return download
        ? Verdict.one(Verb.UPDATE, "file", url, false, inv.program() + " downloads " + url)
        : Verdict.read(inv, "http-resource");
  }

  private static boolean httpieMethod(Invocation inv, String word) {
    return inv.program().startsWith("http")
        && Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD").contains(word);
  }
}
