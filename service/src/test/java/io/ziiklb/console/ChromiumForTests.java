package io.ziiklb.console;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium, headless, driven by Playwright: the console as its users see it. Every page a
 * test visits is checked for JavaScript errors, and {@link #check} runs axe-core on it and keeps a
 * screenshot in {@code target/screenshots/}.
 */
public final class ChromiumForTests implements AutoCloseable {
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;
    private final List<String> consoleErrors = new ArrayList<>();

    public ChromiumForTests() {
        // the driver unpacks under target/, not /tmp
        System.setProperty("playwright.driver.tmpdir", Paths.get("target").toAbsolutePath().toString());
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--no-first-run", "--disable-sync")));
    }


    /** A fresh browser profile (no cookies), English unless {@code locale} says otherwise. */
    public Page newPage(String locale) {
        BrowserContext context = chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale(locale).setViewportSize(1280, 900));
        Page page = context.newPage();
        page.setDefaultTimeout(15_000);
        page.onConsoleMessage(m -> {
            // a page answered with its error status on purpose (a refusal page) is logged as a failed
            // load: resources that really fail are caught below, by their responses
            if ("error".equals(m.type()) && !m.text().startsWith("Failed to load resource")) {
                consoleErrors.add(page.url() + ": " + m.text());
            }
        });
        page.onResponse(r -> {
            boolean subresource = !"document".equals(r.request().resourceType());
            if (subresource && r.status() >= 400 && !r.url().endsWith("/favicon.ico")) {
                consoleErrors.add(page.url() + ": " + r.url() + " answered " + r.status());
            }
        });
        page.onPageError(e -> consoleErrors.add(page.url() + ": " + e));
        return page;
    }

    public Page newPage() {
        return newPage("en-GB");
    }

    /** JavaScript errors, and scripts, styles or images that failed to load, on any page so far. */
    public List<String> consoleErrors() {
        return List.copyOf(consoleErrors);
    }

    /** Keeps a full-page screenshot as {@code target/screenshots/<name>.png} (of a page that is not ours: no axe). */
    public void screenshot(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    /**
     * Keeps a full-page screenshot as {@code target/screenshots/<name>.png} and returns the serious
     * and critical accessibility violations axe-core finds on the page.
     */
    public List<String> check(Page page, String name) {
        screenshot(page, name);
        AxeResults results = new AxeBuilder(page).analyze();
        List<String> violations = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
                violations.add(name + ": " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp()
                        + " " + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList());
            }
        }
        return violations;
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
