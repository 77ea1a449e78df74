/* ferry-move-backend-mastodon.c: Mastodon has no API for an alias, a move or a redirect
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * config/routes/api.rb has no route for them: they are web forms under /settings
 * (config/routes/settings.rb) behind a browser session (api-facts §0.1), so each is a
 * guided hand-off, and Ferry watches the servers until it shows: the alias in the actor
 * (the base class), the move in the old account's "moved". Their refusals (account_migration.rb
 * "is not an alias of this account", "You are on cooldown"; form/redirect.rb) are shown to
 * the person on the page, never to Ferry.
 */

#define G_LOG_DOMAIN "ferry-move-backend"

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-move-backend-mastodon.h"
#include "ferry-web-pages.h"

struct _FerryMoveBackendMastodon
{
  FerryMoveBackend parent_instance;
};

G_DEFINE_FINAL_TYPE (FerryMoveBackendMastodon, ferry_move_backend_mastodon,
                     FERRY_TYPE_MOVE_BACKEND)

/* require_user! answers 403 "Your login is currently disabled" to a moved account's token
 * (app/controllers/api/base_controller.rb, api-facts §0.2). */
static FerryMovedReads
mastodon_moved_reads (FerryMoveBackend *self)
{
  return FERRY_MOVED_READS_REFUSED;
}

static FerryMoveWebStep *
mastodon_web_step (FerryMoveBackend *self,
                   FerryMoveWebPage     page,
                   const char       *acct,
                   const char       *other_acct)
{
  const char *base = ferry_client_get_base_url (ferry_move_backend_get_client (self));

  if (page != FERRY_MOVE_WEB_PAGE_REDIRECT)
    return FERRY_MOVE_BACKEND_CLASS (ferry_move_backend_mastodon_parent_class)
             ->web_step (self, page, acct, other_acct);
  /* settings/migration/redirects_controller.rb: "Cancel redirect" on the migration page */
  return ferry_move_web_step_new (base, FERRY_PAGE_MASTODON_MIGRATION,
                                  g_strdup_printf ("@%s", acct),
                                  g_strdup_printf (_("Signed in as %s, press “Cancel redirect” "
                                                     "under “Move to a different account”."),
                                                   acct));
}

static char *
mastodon_redirect_refusal (FerryMoveBackend *self,
                           const char       *acct)
{
  return NULL;
}

static void
ferry_move_backend_mastodon_class_init (FerryMoveBackendMastodonClass *klass)
{
  FerryMoveBackendClass *backend_class = FERRY_MOVE_BACKEND_CLASS (klass);

  backend_class->way = FERRY_MOVE_WAY_WEB_PAGES;
  backend_class->moved_reads = mastodon_moved_reads;
  backend_class->web_step = mastodon_web_step;
  backend_class->redirect_refusal = mastodon_redirect_refusal;
}

static void
ferry_move_backend_mastodon_init (FerryMoveBackendMastodon *self)
{
}
