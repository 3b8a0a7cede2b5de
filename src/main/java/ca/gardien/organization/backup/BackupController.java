package ca.gardien.organization.backup;

import ca.gardien.organization.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/backups")
@Tag(name = "Backups", description = "Online backup of the embedded installation (docs/backup.md)")
class BackupController {

    private final InstallationBackups backups;

    BackupController(InstallationBackups backups) {
        this.backups = backups;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('PRIVACY_OFFICER')")
    @Operation(
            summary = "Back up the embedded installation now (person in charge only)",
            description = "Writes the data directory's keys and the H2 database under <data dir>/backups/<time>/ with a"
                    + " manifest of SHA-256 digests; 409 on PostgreSQL (use pg_dump: deploy/backup/backup-postgres.sh)")
    InstallationBackups.Backup backUp(Authentication auth) {
        return backups.backUp(CurrentActor.of(auth));
    }
}
