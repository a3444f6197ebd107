package com.trustportal.catalog.entity;

/** How a role-play ends when the buyer's trust is at least {@code minTrust}; {@code html} is sanitised at load time. */
public record Ending(String id, int minTrust, String title, String html) {

    public Ending {
        Invariants.text(id, "id");
        Invariants.between(minTrust, RolePlay.MIN_TRUST, RolePlay.MAX_TRUST, "minTrust");
        Invariants.text(title, "title");
        Invariants.text(html, "html");
    }
}
