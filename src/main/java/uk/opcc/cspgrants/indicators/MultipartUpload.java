package uk.opcc.cspgrants.indicators;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.springframework.web.multipart.MultipartFile;

/** A file uploaded through a form or the API. */
record MultipartUpload(MultipartFile file) implements UploadedFile {

	@Override
	public String name() {
		String name = this.file.getOriginalFilename();
		return (name == null || name.isBlank()) ? "upload.csv" : name;
	}

	@Override
	public InputStream open() throws IOException {
		return this.file.getInputStream();
	}

	/**
	 * The files actually chosen: a form with none chosen still sends one empty part with
	 * no file name, which is left out; an empty file that has a name is kept, so that it
	 * is refused with its name rather than dropped without a word.
	 */
	static List<MultipartUpload> of(List<MultipartFile> files) {
		return (files == null) ? List.of()
				: files.stream()
					.filter(file -> file != null && !(file.isEmpty()
							&& (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())))
					.map(MultipartUpload::new)
					.toList();
	}

}
