package org.jalchemy.examples.guide;

import org.jalchemy.engine.Engine;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.examples.guide.GuideExamplesTest.capture;

/** The inheritance example prints what it promises, on every backend, and leaves no tables behind. */
class HerenciaTest {

    @BackendTest
    void theInheritanceExamplePrintsEachRowAsItsClass(Backend backend) {
        Engine engine = backend.engine();
        String out = capture(() -> Herencia.run(engine));
        assertThat(out)
                .contains("  select(Employee.class): [Employee(Ana), Manager(Bea, Jefa de ventas), Engineer(Carlos, Java)]"
                        + " (2 sentencias: los empleados, con las columnas de cada subclase, y su compañía)\n")
                .contains("  select(Manager.class): [Manager(Bea, Jefa de ventas)]\n")
                .contains("  get(Employee.class, id) == get(Manager.class, id): true\n")
                .contains("  Acme.employees: [Employee(Ana), Manager(Bea, Jefa de ventas), Engineer(Carlos, Java)]"
                        + " (2 sentencias)\n");
        try (var c = engine.connect()) {
            assertThat(new org.jalchemy.schema.Inspector(c).getTableNames(null))
                    .doesNotContain("employees", "managers", "engineers", "companies");
        }
    }
}
