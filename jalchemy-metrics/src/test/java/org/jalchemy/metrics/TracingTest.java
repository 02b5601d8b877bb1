package org.jalchemy.metrics;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.exc.IntegrityError;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.metrics.MetricsTest.ITEMS;
import static org.jalchemy.metrics.MetricsTest.ID;
import static org.jalchemy.sql.Sql.insert;
import static org.jalchemy.sql.Sql.select;

/** OpenTelemetry spans per statement with the database semantic conventions, never with parameter values. */
class TracingTest {

    @BackendTest
    void oneClientSpanPerStatementWithoutParameters(Backend backend) {
        MetricsTest.seed(backend);
        InMemorySpanExporter exporter = InMemorySpanExporter.create();
        try (SdkTracerProvider provider = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
             OpenTelemetrySdk otel = OpenTelemetrySdk.builder().setTracerProvider(provider).build();
             Engine engine = backend.newEngine(o -> o);
             JalchemyTracing tracing = JalchemyTracing.install(engine, otel)) {
            try (Connection c = engine.connect()) {
                c.execute(insert(ITEMS).values(Map.of("id", 1, "name", "secret-value")));
                c.execute(select(ITEMS.c("name")).selectFrom(ITEMS).where(ID.eq(424242))).all();
                assertThatThrownBy(() -> c.execute(insert(ITEMS).values(Map.of("id", 1, "name", "secret-value"))))
                        .isInstanceOf(IntegrityError.class);
            }
            List<SpanData> spans = exporter.getFinishedSpanItems();
            assertThat(spans).hasSize(3);
            SpanData sel = spans.get(1);
            assertThat(sel.getName()).isEqualTo("SELECT mt_items");
            assertThat(sel.getKind()).isEqualTo(SpanKind.CLIENT);
            String expectedSystem = backend.isSqlite() ? "sqlite" : backend.isPostgresql() ? "postgresql" : "mariadb";
            assertThat(sel.getAttributes().get(JalchemyTracing.DB_SYSTEM)).isIn(expectedSystem, "mysql");
            assertThat(sel.getAttributes().get(JalchemyTracing.DB_NAMESPACE)).isEqualTo(engine.url().database());
            assertThat(sel.getAttributes().get(JalchemyTracing.DB_COLLECTION)).isEqualTo("mt_items");
            assertThat(sel.getAttributes().get(JalchemyTracing.DB_QUERY_TEXT)).contains("mt_items").contains("?")
                    .doesNotContain("424242");
            SpanData failed = spans.get(2);
            assertThat(failed.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
            assertThat(failed.getAttributes().get(JalchemyTracing.ERROR_TYPE)).isEqualTo("IntegrityError");
            for (SpanData s : spans) {
                assertThat(s.getAttributes().asMap().values().toString()).doesNotContain("secret-value");
                assertThat(s.getEvents()).isEmpty(); // no exception event: its message holds parameters
            }
        }
    }
}
