package com.trustportal.platform.cluster;

import com.hazelcast.core.HazelcastInstance;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The one place that decides, at start-up, where shared state lives: in Payara's Hazelcast when this node runs
 * clustered (JNDI {@value #JNDI_NAME} names a running instance), otherwise in this node's memory. Payara Micro
 * started with {@code --nohazelcast} (a single node, every test deployment) has no running instance there.
 */
@ApplicationScoped
public class ClusterStates {

  /** Where Payara publishes its Hazelcast instance to applications. */
  public static final String JNDI_NAME = "payara/Hazelcast";

  private static final Logger LOG = Logger.getLogger("portal");

  @Resource ManagedExecutorService executor;

  @Produces
  @ApplicationScoped
  ClusterState clusterState() {
    Object found = lookup();
    if (found instanceof HazelcastInstance hazelcast && hazelcast.getLifecycleService().isRunning()) {
      LOG.info(() -> "Cluster state in Hazelcast (" + hazelcast.getCluster().getMembers().size()
          + " member(s) now): throttling, rate limits, figures and tenant reloads are shared");
      return new HazelcastState(hazelcast, executor);
    }
    LOG.info("Cluster state in this node's memory: no running Hazelcast at " + JNDI_NAME
        + " (--nohazelcast), so this node counts alone");
    return new LocalState();
  }

  private static Object lookup() {
    try {
      return new InitialContext().lookup(JNDI_NAME);
    } catch (NamingException | RuntimeException e) {
      return null;
    }
  }
}
