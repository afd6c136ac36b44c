package org.creditgate.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class DepartmentDirectoryTest {

    @Test
    void tokensIdentifyTheirDepartment() {
        DepartmentDirectory d = new DepartmentDirectory(Map.of("samr.token", "a1", "samr.name", "市场监督管理局",
                "tax.token", "b2"));
        assertThat(d.authenticate("a1")).contains(new Department("samr", "市场监督管理局"));
        assertThat(d.authenticate("b2")).contains(new Department("tax", "tax"));
        assertThat(d.authenticate("c3")).isEmpty();
        assertThat(d.authenticate("")).isEmpty();
        assertThat(d.authenticate(null)).isEmpty();
    }

    @Test
    void reloadRevokesAndAddsWithoutRestart() {
        DepartmentDirectory d = new DepartmentDirectory(Map.of("samr.token", "a1"));
        d.update(Map.of("tax.token", "b2"));
        assertThat(d.authenticate("a1")).isEmpty();
        assertThat(d.authenticate("b2")).map(Department::id).contains("tax");
    }

    @Test
    void blankTokensAndForeignKeysGrantNothing() {
        DepartmentDirectory d = new DepartmentDirectory(Map.of("samr.token", " ", "felix.fileinstall.filename",
                "file:/etc/x.cfg", "service.pid", "org.creditgate.departments"));
        assertThat(d.authenticate(" ")).isEmpty();
        assertThat(d.authenticate("file:/etc/x.cfg")).isEmpty();
    }
}
