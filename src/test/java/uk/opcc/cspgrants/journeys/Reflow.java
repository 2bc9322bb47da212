package uk.opcc.cspgrants.journeys;

import java.util.List;
import java.util.Map;

import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Sets the width of the browser's viewport and checks a page's reflow at a narrow one
 * (WCAG 2.2, 1.4.10: content fits 320 CSS pixels without scrolling in two directions;
 * data tables and charts may scroll, but inside their own container, not the page).
 */
final class Reflow {

	static final int DESKTOP = 1366;

	static final int PHONE = 320;

	private static final int HEIGHT = 900;

	/**
	 * What the check reads in the page. No page-level sideways scroll: the root is no
	 * wider than its visible width (clientWidth is innerWidth less any vertical
	 * scrollbar, so this is the stricter form of scrollWidth &lt;= innerWidth); the
	 * elements named are the innermost ones that stick out past the right edge (those in
	 * a scrolling box widen the page only when positioned outside it, as visually hidden
	 * text is). No squeezed input: a visible GOV.UK input narrower than 4em, or than the
	 * width it was designed for where that is smaller. The designed width is the
	 * max-width of the Design System's fixed-width classes ({@code govuk-input--width-2}
	 * for a date's day and month is 5.4ex, about 2.5em, by design; a postcode's
	 * {@code --width-10} is 23ex): an input shown at that width is as wide as its answer
	 * needs, one shown narrower has been squeezed by its container.
	 */
	private static final String CHECK = """
			const root = document.documentElement;
			const problems = [];
			const name = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
			    + (e.classList.length ? '.' + [...e.classList].join('.') : '');
			const out = (e) => e.getBoundingClientRect().right > root.clientWidth + 1;
			if (root.scrollWidth > root.clientWidth) {
			  const ends = [...document.body.querySelectorAll('*')].filter((e) => out(e) && ![...e.children].some(out));
			  problems.push('the page is ' + root.scrollWidth + ' px wide in ' + root.clientWidth
			      + ' px (scrolls sideways), out on the right: ' + ends.slice(0, 4).map(name).join(', '));
			}
			for (const input of document.querySelectorAll('input.govuk-input')) {
			  const box = input.getBoundingClientRect();
			  if (box.width === 0 || getComputedStyle(input).visibility === 'hidden') continue;
			  const style = getComputedStyle(input);
			  const designed = style.maxWidth.endsWith('px') ? parseFloat(style.maxWidth) : Infinity;
			  const usable = Math.min(4 * parseFloat(style.fontSize), designed);
			  if (box.width + 1 < usable) {
			    problems.push('input ' + name(input) + ' is ' + Math.round(box.width) + ' px wide, less than '
			        + Math.round(usable) + ' px');
			  }
			}
			return problems;""";

	private Reflow() {
	}

	/**
	 * The viewport at this width. A desktop Chromium window has a minimum width larger
	 * than a phone's, so the viewport is set through the DevTools protocol (as DevTools'
	 * device toolbar does); media queries and the Design System's scripts see the new
	 * width, and the check waits two animation frames for them to have run.
	 */
	static void width(ChromeDriver browser, int width) {
		browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", HEIGHT, "deviceScaleFactor", 1, "mobile", false));
		browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
				+ "requestAnimationFrame(() => requestAnimationFrame(() => done(null)));");
	}

	/** What does not reflow on the page as it is now. */
	@SuppressWarnings("unchecked")
	static List<String> check(ChromeDriver browser) {
		return (List<String>) browser.executeScript(CHECK);
	}

}
