/**
 * State that must be the same on every node of a cluster: counters of the sign-in throttle and the public rate
 * limit, when figures were computed, and the messages that tell other nodes to re-read the tenants. One facade,
 * {@link com.trustportal.platform.cluster.ClusterState}, chosen once at start-up: Payara's Hazelcast when the node
 * is clustered, this node's memory when it runs alone ({@code --nohazelcast}). Only JDK types (String, Long) go into
 * Hazelcast, because the application's classes may not deserialise in Payara's Hazelcast class loader.
 */
package com.trustportal.platform.cluster;
