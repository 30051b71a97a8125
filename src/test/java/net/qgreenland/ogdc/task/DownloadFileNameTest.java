package net.qgreenland.ogdc.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The name a download is saved under: Content-Disposition (RFC 6266), else the URL, else the input index. */
class DownloadFileNameTest {

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', nullValues = "-", value = {
        "attachment; filename=\"report.csv\"                          | https://h/x/get?id=1 | report.csv",
        "attachment; filename=plain.nc                                | https://h/x/y       | plain.nc",
        "attachment; filename*=UTF-8''na%C3%AFve%20file.txt; filename=\"fallback.txt\" | https://h/x | naïve file.txt",
        "attachment; filename=\"fallback.txt\"; filename*=utf-8'en'%E2%82%AC.txt | https://h/x | €.txt",
        "attachment; filename=\"semi;colon \\\"q\\\".txt\"             | https://h/x           | semi;colon \"q\".txt",
        "attachment; filename=\"../../etc/passwd\"                     | https://h/x           | passwd",
        "attachment; filename=\"..\"                                   | https://h/x/from-url.nc | from-url.nc",
        "attachment; filename=\".ogdc-fetch.json\"                     | https://h/x/from-url.nc | from-url.nc",
        "inline                                                       | https://h/data/a%20b%2Fc.tif | c.tif",
        "-                                                            | https://h/data/sea%20ice.nc?x=1 | sea ice.nc",
        "-                                                            | https://h/data/      | download-7",
        "-                                                            | https://h            | download-7",
    })
    void aDownloadIsNamedByContentDispositionThenUrlThenIndex(String header, String url, String name) {
        assertThat(DownloadFileName.choose(Optional.ofNullable(header), URI.create(url), 7)).isEqualTo(name);
    }
}
