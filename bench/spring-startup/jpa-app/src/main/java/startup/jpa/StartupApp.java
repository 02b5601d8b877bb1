package startup.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The same app on Spring Data JPA: boots, writes and reads one account, prints the start-up time, exits. */
@SpringBootApplication
@org.springframework.data.jpa.repository.config.EnableJpaRepositories(considerNestedRepositories = true)
public class StartupApp {
    @Entity
    @Table(name = "su_accounts")
    public static class Account {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Integer id;
        @Column(nullable = false, length = 50) public String owner;
        @Column(nullable = false) public Integer balance;
    }

    public interface AccountRepository extends JpaRepository<Account, Integer> {
    }

    @Service
    public static class Accounts {
        private final AccountRepository repository;

        public Accounts(AccountRepository repository) {
            this.repository = repository;
        }

        @Transactional
        public int openAndCount() {
            Account a = new Account();
            a.owner = "startup";
            a.balance = 1;
            repository.saveAndFlush(a);
            return repository.findById(a.id).isPresent() ? 1 : 0;
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
        System.out.println("STARTUP jpa run_ms=" + ms + " jvm_uptime_ms=" + jvm + " classes=" + classes + " heap_mb=" + heap);
        ctx.close();
    }
}
