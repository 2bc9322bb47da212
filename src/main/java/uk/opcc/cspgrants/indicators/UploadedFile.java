package uk.opcc.cspgrants.indicators;

import java.io.IOException;
import java.io.InputStream;

/** A file someone uploaded: its name and a way to read it. */
public interface UploadedFile {

	String name();

	InputStream open() throws IOException;

	/** A file read from wherever {@code content} opens it, e.g. the classpath. */
	static UploadedFile of(String name, Content content) {
		return new UploadedFile() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public InputStream open() throws IOException {
				return content.open();
			}

		};
	}

	/** Opens a file's content. */
	@FunctionalInterface
	interface Content {

		InputStream open() throws IOException;

	}

}
