package org.budgetledger.ledger.importing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.budgetledger.contracts.api.FieldError;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.web.ApiProblem;
import org.budgetledger.web.security.Caller;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Voucher files in, import jobs out (docs/IMPORT.md). */
@Tag(name = "Transactions (记账)")
@RestController
class ImportController {

    private static final int FILE_NAME_LENGTH_MAX = 255;

    private final VoucherImports imports;

    ImportController(VoucherImports imports) {
        this.imports = imports;
    }

    @Operation(summary = "Import a CSV or XLSX file of transactions, one per row",
            description = """
                    Row 1 names the columns: the fields of a transaction as in POST /api/v1/transactions \
                    (id and type required; an empty cell is an absent field). A file that cannot be imported \
                    (unknown column, no rows, more than 10 000 rows, unreadable) answers 400 and stores nothing; \
                    otherwise 202 with the job, whose rows are then decided in order, each as a single POST of it \
                    would be. Follow the Location header for progress and the report. Example CSV:

                        id,type,unit,year,date,fund,subject,kind,project,amount
                        a1,APPROPRIATE,430001,2023,2023-01-10,GENERAL_BUDGET,2140199,PROJECT,业务工作经费,1000000.00""")
    @ApiResponse(responseCode = "202", description = "Accepted: the job, decided in the background; Location is its URL")
    @ApiResponse(responseCode = "400", description = "`VALIDATION_FAILED`: unknown column, no rows, more than 10 000 rows, "
            + "an unreadable file or multipart body, a mode or charset not listed")
    @ApiResponse(responseCode = "403", description = "`FORBIDDEN`: needs CLERK or ADMIN")
    @ApiResponse(responseCode = "503", description = "`SERVICE_UNAVAILABLE`: 10 imports are waiting already; try again later")
    @PostMapping(path = "/api/v1/transactions:import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ImportJob.View> importFile(
            @Parameter(description = "the file: XLSX (first sheet) or CSV") @RequestPart("file") MultipartFile file,
            @Parameter(description = "all: store nothing if any row is bad; valid: store the valid rows",
                    schema = @Schema(allowableValues = {"all", "valid"}))
            @RequestParam(defaultValue = "all") String mode,
            @Parameter(description = "of a CSV file; auto: UTF-8 (with or without BOM) if it decodes as UTF-8, else GB18030",
                    schema = @Schema(allowableValues = {"auto", "UTF-8", "GB18030"}))
            @RequestParam(defaultValue = "auto") String charset) throws IOException {
        ImportJob.View job = imports.submit(fileName(file), file.getBytes(), ImportMode.of(mode), charset,
                Caller.current());
        return ResponseEntity.accepted().location(URI.create("/api/v1/imports/" + job.id())).body(job);
    }

    @Operation(summary = "The voucher file to fill in (导入模板)",
            description = "Row 1 heads every field of a transaction in Chinese (交易号, 交易类型, 单位代码 …); the import "
                    + "accepts these headings as well as the field names. CSV: UTF-8 with a byte-order mark; XLSX: "
                    + "every column formatted as text.")
    @ApiResponse(responseCode = "200", description = "The template (an attachment)", content = {
            @Content(mediaType = "text/csv",
                    schema = @Schema(type = "string", format = "binary")),
            @Content(
                    mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    schema = @Schema(type = "string", format = "binary"))})
    @ApiResponse(responseCode = "400", description = "`VALIDATION_FAILED`: format is not csv or xlsx")
    @ApiResponse(responseCode = "403", description = "`FORBIDDEN`: needs CLERK or ADMIN")
    @GetMapping("/api/v1/transactions:import/template")
    ResponseEntity<byte[]> template(@Parameter(description = "csv (UTF-8 with a byte-order mark) or xlsx",
            schema = @Schema(allowableValues = {"csv", "xlsx"}))
                                    @RequestParam(defaultValue = "csv") String format) {
        return switch (format) {
            case "csv" -> ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header("Content-Disposition", templateName("csv"))
                    .body(ImportTemplate.csv());
            case "xlsx" -> ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                    .header("Content-Disposition", templateName("xlsx"))
                    .body(ImportTemplate.xlsx());
            default -> throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "format must be csv or xlsx",
                    List.of(new FieldError("format", "csv or xlsx")));
        };
    }

    /** 凭证导入模板.csv (or .xlsx), named as RFC 6266 names a file outside ASCII. */
    private static String templateName(String extension) {
        return ContentDisposition.attachment().filename("凭证导入模板." + extension, StandardCharsets.UTF_8).build().toString();
    }

    @Operation(summary = "An import job: progress, then the report of its bad rows",
            description = "Only the user who submitted it, or an administrator, sees it; jobs are kept in memory.")
    @Parameter(name = "id", description = "the job's id, from the answer to the import or its Location")
    @ApiResponse(responseCode = "200", description = "The job: RUNNING with its progress, then COMPLETED, REJECTED or FAILED")
    @ApiResponse(responseCode = "403", description = "`FORBIDDEN`: needs CLERK or ADMIN")
    @ApiResponse(responseCode = "404", description = "`NOT_FOUND`: no such job of the caller's (jobs are kept in memory)")
    @GetMapping("/api/v1/imports/{id}")
    ImportJob.View job(@PathVariable String id) {
        return imports.find(id, Caller.current())
                .orElseThrow(() -> new ApiProblem(ProblemCode.NOT_FOUND, "no import " + id));
    }

    private static String fileName(MultipartFile file) {
        String name = file.getOriginalFilename();
        return name == null || name.length() <= FILE_NAME_LENGTH_MAX ? name : name.substring(0, FILE_NAME_LENGTH_MAX);
    }
}
