package com.trustportal.platform.web;

import com.trustportal.platform.DatabaseOutage;
import com.trustportal.platform.DatabaseStatus;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.PhaseId;
import java.util.Iterator;
import java.util.Optional;

/**
 * An AJAX action (a learner's save in the player) that fails on an unreachable database: the page stays, with a
 * message that the save did not happen and can be repeated; repeating it is safe, as saves are idempotent. Faces
 * would otherwise answer with an error the page does not show. Full-page requests are left to
 * {@link DatabaseOutageFilter}. Registered in {@code faces-config.xml}.
 */
public class OutageExceptionHandler extends ExceptionHandlerWrapper {

  public static final String NOT_SAVED = "Not saved: the portal cannot reach its database right now. Everything you"
      + " saved before is safe. Please try again in a moment.";

  public OutageExceptionHandler(ExceptionHandler wrapped) {
    super(wrapped);
  }

  @Override
  public void handle() {
    FacesContext context = FacesContext.getCurrentInstance();
    if (context != null && context.getPartialViewContext().isAjaxRequest()
        && context.getCurrentPhaseId() != PhaseId.RENDER_RESPONSE) {
      for (Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator(); events.hasNext(); ) {
        Optional<String> outage = DatabaseOutage.reason(events.next().getContext().getException());
        if (outage.isPresent()) {
          events.remove();
          CDI.current().select(DatabaseStatus.class).get().unreachable(outage.get());
          context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, NOT_SAVED, null));
          context.getExternalContext().setResponseHeader("Retry-After", DatabaseOutageFilter.RETRY_AFTER_SECONDS);
          context.validationFailed(); // PrimeFaces' args.validationFailed: the client knows nothing was saved
          context.renderResponse();
        }
      }
    }
    getWrapped().handle();
  }

  /** Wraps the default handler; named in {@code faces-config.xml}. */
  public static class Factory extends ExceptionHandlerFactory {
    public Factory(ExceptionHandlerFactory wrapped) {
      super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
      return new OutageExceptionHandler(getWrapped().getExceptionHandler());
    }
  }
}
