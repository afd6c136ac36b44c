import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Polls a health URL until it answers 200 or the time is up; prints the last answer. Used by ./gateway so that a
 * fresh machine needs nothing beyond Java (no curl). Usage: java tools/Health.java URL [seconds]
 */
public class Health {
    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        long deadline = System.nanoTime() + Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 0).toNanos();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String last = "no answer from " + url;
        do {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                last = r.body();
                if (r.statusCode() == 200) {
                    System.out.println(last);
                    return;
                }
            } catch (java.io.IOException e) {
                last = "no answer from " + url + " (" + e.getMessage() + ")";
            }
            if (System.nanoTime() < deadline) {
                Thread.sleep(1000);
            }
        } while (System.nanoTime() < deadline);
        System.out.println(last);
        System.exit(1);
    }
}
