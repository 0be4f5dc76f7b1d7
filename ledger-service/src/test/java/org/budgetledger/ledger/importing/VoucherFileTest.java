package org.budgetledger.ledger.importing;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.budgetledger.web.ApiProblem;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading voucher files into sheets: kinds, charsets, row numbers, limits. No Spring, no database. */
class VoucherFileTest {

    private static final Charset GB18030 = Charset.forName("GB18030");

    @Test
    void a_utf8_file_with_or_without_bom_is_utf8_and_loses_only_its_bom() {
        byte[] text = "id,type\n a1 ,项目\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);

        for (byte[] content : List.of(text, withBom)) {
            VoucherFile file = VoucherFile.read(content, "auto");
            assertThat(file.format()).isEqualTo(VoucherFile.Format.CSV);
            assertThat(file.charset()).isEqualTo(StandardCharsets.UTF_8);
            assertThat(file.sheet().header()).containsExactly("id", "type");
            assertThat(file.sheet().rows().get(0).cells()).containsExactly(" a1 ", "项目");
        }
    }

    @Test
    void a_file_that_is_not_utf8_is_read_as_gb18030_unless_utf8_is_chosen() {
        byte[] content = "id,project\na1,业务工作经费\n".getBytes(GB18030);

        VoucherFile file = VoucherFile.read(content, "auto");

        assertThat(file.charset()).isEqualTo(GB18030);
        assertThat(file.sheet().rows().get(0).cells()).containsExactly("a1", "业务工作经费");
        assertThatThrownBy(() -> VoucherFile.read(content, "UTF-8")).isInstanceOf(ApiProblem.class)
                .hasMessageContaining("not valid UTF-8");
        assertThatThrownBy(() -> VoucherFile.read(content, "Big5")).isInstanceOf(ApiProblem.class)
                .hasMessageContaining("charset must be");
    }

    @Test
    void rows_are_numbered_as_a_spreadsheet_shows_them_and_blank_rows_are_skipped() {
        String csv = "id,memo\na1,\"two\nlines\"\n\n,\na2,x\n";

        List<Sheet.Row> rows = VoucherFile.read(csv.getBytes(StandardCharsets.UTF_8), "auto").sheet().rows();

        assertThat(rows).extracting(Sheet.Row::number).containsExactly(2, 5);
        assertThat(rows.get(0).cells()).containsExactly("a1", "two\nlines");
    }

    @Test
    void a_file_with_more_rows_than_a_batch_is_refused() {
        StringBuilder csv = new StringBuilder("id,type\n");
        for (int row = 0; row <= Sheet.ROWS_MAX; row++) {
            csv.append('r').append(row).append(",PAY\n");
        }

        assertThatThrownBy(() -> VoucherFile.read(csv.toString().getBytes(StandardCharsets.UTF_8), "auto"))
                .isInstanceOf(ApiProblem.class).hasMessageContaining("more than 10000 rows");
    }

    @Test
    void xlsx_numbers_are_read_as_their_shortest_exact_decimal_whatever_their_display_format() throws IOException {
        byte[] content;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet();
            var header = sheet.createRow(0);
            header.createCell(0).setCellValue("id");
            header.createCell(2).setCellValue("amount");
            var money = workbook.createCellStyle();
            money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
            double[] amounts = {1234567.89, 0.1, 2000, 99999999999.99};
            for (int index = 0; index < amounts.length; index++) {
                var row = sheet.createRow(index + 2);
                row.createCell(0).setCellValue("r" + index);
                row.createCell(2).setCellValue(amounts[index]);
                row.getCell(2).setCellStyle(money);
            }
            workbook.write(out);
            content = out.toByteArray();
        }

        VoucherFile file = VoucherFile.read(content, "auto");

        assertThat(file.format()).isEqualTo(VoucherFile.Format.XLSX);
        assertThat(file.sheet().header()).containsExactly("id", null, "amount");
        assertThat(file.sheet().rows()).extracting(Sheet.Row::number).containsExactly(3, 4, 5, 6);
        assertThat(file.sheet().rows()).extracting(row -> row.cells().get(2))
                .containsExactly("1234567.89", "0.1", "2000", "99999999999.99");
    }

    @Test
    void a_zip_that_is_no_workbook_is_refused() {
        byte[] content = Arrays.copyOf(new byte[]{'P', 'K', 3, 4}, 64);

        assertThatThrownBy(() -> VoucherFile.read(content, "auto")).isInstanceOf(ApiProblem.class)
                .hasMessageContaining("cannot be read");
    }
}
