package uk.opcc.cspgrants.decision;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SimpleTextTest {

	@Test
	void keepsParagraphsListsAndBoldOnly() {
		assertThat(SimpleText.toHtml("First **bold** line\nsecond line\n\n- one\n- two"))
			.isEqualTo("<p>First <strong>bold</strong> line<br/>second line</p><ul><li>one</li><li>two</li></ul>");
	}

	@Test
	void noScriptOrRawHtmlSurvives() {
		String html = SimpleText.toHtml("<script>alert('x')</script> <b onclick=\"steal()\">hi</b> & £5 ‮ 🙂");
		assertThat(html).doesNotContain("<script", "<b ", "onclick=\"")
			.contains("&#60;script&#62;", "&#38;", "&#163;5");
	}

}
