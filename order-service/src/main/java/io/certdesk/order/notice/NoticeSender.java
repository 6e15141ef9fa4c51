package io.certdesk.order.notice;

import io.certdesk.order.invoice.InvoiceDocumentRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Drains the notice outbox: claims due notices in a short transaction, mails them with no transaction open,
 * then records each outcome in a transaction of its own. Delivery is at least once: a replica that dies after
 * mailing but before recording leaves the notice to be mailed again when its claim lease runs out.
 */
@ApplicationScoped
public class NoticeSender {

    private final NoticeOutbox outbox;
    private final ReactiveMailer mailer;
    private final NoticeConfig config;

    private final InvoiceDocumentRepository documents;

    public NoticeSender(NoticeOutbox outbox, ReactiveMailer mailer, NoticeConfig config,
            InvoiceDocumentRepository documents) {
        this.documents = documents;
        this.outbox = outbox;
        this.mailer = mailer;
        this.config = config;
    }

    @Scheduled(every = "${certdesk.notices.outbox.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return drain().onFailure().invoke(e -> Log.warnf(e, "Notice outbox run stopped; it resumes on the next run"))
                .onFailure().recoverWithNull();
    }

    private Uni<Void> drain() {
        int batch = config.outbox().batchSize();
        // claimed notices are leased into the future, so a full batch of failures cannot be claimed again here
        return outbox.claimDue(batch).flatMap(claimed -> deliver(claimed)
                .flatMap(v -> claimed.size() < batch ? Uni.createFrom().voidItem() : drain()));
    }

    private Uni<Void> deliver(List<NoticeOutbox.Claimed> claimed) {
        return Multi.createFrom().iterable(claimed)
                .onItem().transformToUniAndConcatenate(this::deliver)
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> deliver(NoticeOutbox.Claimed c) {
        if (c.attachmentDocumentId() == null) {
            return deliver(c, Mail.withText(c.recipient(), c.subject(), c.body()).setFrom(config.from()));
        }
        // the stored document, exactly as it was rendered when its notice was queued
        return Panache.withSession(() -> documents.findById(c.attachmentDocumentId()))
                .flatMap(d -> deliver(c, Mail.withText(c.recipient(), c.subject(), c.body()).setFrom(config.from())
                        .addAttachment(d.fileName, d.pdf, "application/pdf")));
    }

    private Uni<Void> deliver(NoticeOutbox.Claimed c, Mail mail) {
        // the SMTP client may answer on the event loop of a pooled connection; the outcome is recorded back on
        // this run's context, where the Hibernate Reactive session of the next transaction belongs
        Context context = Vertx.currentContext();
        // a hung SMTP server must not stall the outbox: the attempt counts as failed and is retried later
        Uni<Void> sent = Uni.createFrom().deferred(() -> mailer.send(mail))
                .ifNoItem().after(config.outbox().sendTimeout()).fail();
        return (context == null ? sent : sent.emitOn(task -> context.runOnContext(ignored -> task.run())))
                .onItemOrFailure().transformToUni((ok, error) -> error == null
                        ? outbox.markSent(c)
                        : outbox.markFailed(c, error));
    }
}
