package startup.jalchemy;

import org.jalchemy.orm.Session;
import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.Id;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Boots, writes and reads one account in a @Transactional method, prints the start-up time, exits. */
@SpringBootApplication
public class StartupApp {
    @Entity(table = "su_accounts")
    public static class Account {
        @Id public Integer id;
        @Column(nullable = false, length = 50) public String owner;
        @Column(nullable = false) public Integer balance;
    }

    @Service
    public static class Accounts {
        private final Session session;

        public Accounts(Session session) {
            this.session = session;
        }

        @Transactional
        public int openAndCount() {
            Account a = new Account();
            a.owner = "startup";
            a.balance = 1;
            session.add(a);
            session.flush();
            return session.get(Account.class, a.id).isPresent() ? 1 : 0;
        }
    }

    @Bean
    ApplicationRunner firstRequest(Accounts accounts) {
        return args -> accounts.openAndCount();
    }

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        var ctx = SpringApplication.run(StartupApp.class, args);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long jvm = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        int classes = java.lang.management.ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
        long heap = java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
        System.out.println("STARTUP jalchemy run_ms=" + ms + " jvm_uptime_ms=" + jvm + " classes=" + classes + " heap_mb=" + heap);
        ctx.close();
    }
}
