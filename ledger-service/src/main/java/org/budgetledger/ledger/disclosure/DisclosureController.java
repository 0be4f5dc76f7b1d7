package org.budgetledger.ledger.disclosure;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.budgetledger.contracts.api.FieldError;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.contracts.events.ReferenceTablesRecorded;
import org.budgetledger.contracts.events.UnitYearProfileSet;
import org.budgetledger.web.ApiProblem;
import org.budgetledger.web.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/** SPEC §15: the disclosure data of a unit-year that no transaction carries — its profile, last year's tables. */
@Tag(name = "Publication data (公开文本数据)")
@RestController
class DisclosureController {

    private static final int FILE_NAME_LENGTH_MAX = 255;
    /** The nine tables, a file each at most. */
    private static final int FILES_MAX = 9;

    private final UnitYearDisclosures disclosures;

    DisclosureController(UnitYearDisclosures disclosures) {
        this.disclosures = disclosures;
    }

    /** The profile as recorded, where, and when. */
    record ProfileAnswer(String unit, int year, long sequence, Instant recordedAt, UnitYearProfileSet profile) {
    }

    /** The reference as recorded: which tables, how many rows each, where, and when. */
    record ReferenceAnswer(String unit, int year, int tablesYear, String fileUnit, List<TableSummary> tables, long sequence,
                           Instant recordedAt) {
    }

    record TableSummary(String table, int rows) {
    }

    @Operation(summary = "Set a unit-year's profile for its publication (单位概况、国有资产、绩效自评)", description = """
            What the 部门决算公开文本 needs and no transaction carries (SPEC §15): functions (部门职责), organisation \
            (机构设置), assets {vehicles {total, byType {MINISTERIAL, PRINCIPAL, CONFIDENTIAL, EMERGENCY, \
            LAW_ENFORCEMENT, SPECIAL_TECHNICAL, RETIREE_SERVICE, OTHER}}, equipmentOver500k, equipmentOver1m} at year \
            end, performance [{project, score, grade}] (绩效自评), and explanations {key: text}: what a person wrote for \
            the publication's marked blanks (主要原因是…), by the blank's key. Every field is optional; the profile \
            replaces the earlier one whole. Recorded as a UnitYearProfileSet event; the publication uses the profile \
            known at its knownAt.""")
    @Parameter(name = "code", description = "the unit's code")
    @Parameter(name = "year", description = "the budget year the profile is of")
    @ApiResponse(responseCode = "200", description = "Recorded: the profile, its sequence and recording instant")
    @ApiResponse(responseCode = "400", description = "`VALIDATION_FAILED`: each wrong field named (a negative count, "
            + "vehicles by use that do not add up to total, a score above 100, an unknown field …)")
    @ApiResponse(responseCode = "403", description = "`FORBIDDEN`: needs ADMIN of the unit")
    @ApiResponse(responseCode = "404", description = "`NOT_FOUND`: no such unit")
    @PutMapping(path = "/api/v1/units/{code}/years/{year}/profile", produces = MediaType.APPLICATION_JSON_VALUE)
    ProfileAnswer setProfile(@PathVariable String code, @PathVariable int year, @RequestBody ProfileRequest profile) {
        UnitYearDisclosures.Recorded<UnitYearProfileSet> recorded = disclosures.setProfile(code, year, profile, Caller.current());
        return new ProfileAnswer(code, year, recorded.sequence(), recorded.recordedAt(), recorded.recorded());
    }

    @Operation(summary = "Record last year's published tables for the 上年 comparisons (上年公开表)", description = """
            For a unit whose year − 1 is not in the ledger (SPEC §15): its published 公开表 of year − 1, each as a \
            CSV file or a workbook sheet in the golden layout (the columns of the report CSVs: side,line,item,amount \
            for T01 …), named after its table (T01.csv, a sheet T01 or 公开01表) unless its header tells it. Amounts in \
            万元 (scale=wanyuan, the default, as published) or 元. Every file is checked first: a wrong layout, a cell \
            that is no number, a table given twice, a file named for another year or another unit is refused with \
            its file, row and column, and nothing is stored. Recorded as a ReferenceTablesRecorded event, replacing \
            the earlier reference whole; used only while year − 1 has no events of its own, and labelled as such.""")
    @Parameter(name = "code", description = "the unit's code")
    @Parameter(name = "year", description = "the year of the publication that compares with them (the tables are of year − 1)")
    @ApiResponse(responseCode = "200", description = "Recorded: the tables and their rows, the sequence and recording instant")
    @ApiResponse(responseCode = "400", description = "`VALIDATION_FAILED`: each fault named by file, row and column")
    @ApiResponse(responseCode = "403", description = "`FORBIDDEN`: needs ADMIN of the unit")
    @ApiResponse(responseCode = "404", description = "`NOT_FOUND`: no such unit")
    @PostMapping(path = "/api/v1/units/{code}/years/{year}/reference", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ReferenceAnswer recordReference(
            @PathVariable String code, @PathVariable int year,
            @Parameter(description = "the tables: CSV files (one table each) or XLSX workbooks (one table per sheet)")
            @RequestPart("file") List<MultipartFile> files,
            @Parameter(description = "the unit of the files' amounts: wanyuan (万元, the default, as published) or yuan",
                    schema = @Schema(allowableValues = {"yuan", "wanyuan"}))
            @RequestParam(defaultValue = "wanyuan") String scale,
            @Parameter(description = "of a CSV file; auto: UTF-8 (with or without BOM) if it decodes as UTF-8, else GB18030",
                    schema = @Schema(allowableValues = {"auto", "UTF-8", "GB18030"}))
            @RequestParam(defaultValue = "auto") String charset) {
        if (files.size() > FILES_MAX) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "at most " + FILES_MAX + " files",
                    List.of(new FieldError("file", "at most " + FILES_MAX + " files")));
        }
        List<ReferenceFiles.Upload> uploads = files.stream().map(file -> new ReferenceFiles.Upload(fileName(file), bytes(file))).toList();
        UnitYearDisclosures.Recorded<ReferenceTablesRecorded> recorded = disclosures.recordReference(code, year, uploads,
                scale, charset, Caller.current());
        ReferenceTablesRecorded reference = recorded.recorded();
        return new ReferenceAnswer(code, year, reference.tablesYear(), reference.fileUnit(),
                reference.tables().stream().map(table -> new TableSummary(table.table(), table.rows().size())).toList(),
                recorded.sequence(), recorded.recordedAt());
    }

    private static String fileName(MultipartFile file) {
        String name = file.getOriginalFilename();
        return name == null || name.length() <= FILE_NAME_LENGTH_MAX ? name : name.substring(0, FILE_NAME_LENGTH_MAX);
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
