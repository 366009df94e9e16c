package io.dddpersistence.sample.notes;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.dddpersistence.patch.MergePatchRequest;
import io.dddpersistence.sample.web.NotFoundException;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Private notes: each user (the X-User header here; the signed-in principal in a real application)
 * sees, changes and creates only their own; X-Role: admin sees every user's.
 */
@RestController
@RequestMapping("/notes")
class NoteController {

	private final NoteRepository notes;

	NoteController(NoteRepository notes) {
		this.notes = notes;
	}

	@PostMapping
	ResponseEntity<Note> create(MergePatchRequest<Note> body) {
		Note note = this.notes.add(body.create());
		return ResponseEntity.created(URI.create("/notes/" + note.getId())).body(note);
	}

	@GetMapping
	List<Note> list() {
		return this.notes.listAll();
	}

	@GetMapping("/{id}")
	Note get(@PathVariable UUID id) {
		return this.notes.get(id).orElseThrow(() -> new NotFoundException("Note", id));
	}

	@PatchMapping("/{id}")
	Note patch(@PathVariable UUID id, MergePatchRequest<Note> patch) {
		return patch.applyTo(id);
	}

}
