/* ferry-account-manager.c: which accounts are signed in, as old and as new, across restarts
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Settings keep the two handles (not secret); the keyring keeps their tokens. At start each
 * account is checked once: a revoked token shows as "signed out", a moved account (whose
 * token Mastodon refuses with 403) is read through the public lookup, a server that does not
 * answer leaves the account signed in. Each check has a deadline (answer-timeout): a frozen
 * server or keyring is "not answering" after it, never a wait without end, and never "not
 * signed in".
 */

#define G_LOG_DOMAIN "ferry-account-manager"

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-account-manager.h"
#include "ferry-api-error.h"
#include "ferry-client-accounts.h"
#include "ferry-client-collections.h"
#include "ferry-handle.h"
#include "ferry-tls-database.h"

typedef struct
{
  FerryAccountState  state;
  char              *handle;     /* "user@host" */
  FerryAccount      *account;    /* owned */
  FerryClient       *client;     /* owned */
  FerryAccountContext *context;  /* owned, made on demand from client and account */
  char              *problem;
} Slot;

struct _FerryAccountManager
{
  GObject           parent_instance;

  FerrySecretStore *store;         /* owned */
  GSettings        *settings;      /* owned */
  GTlsDatabase     *tls_database;  /* owned, nullable */
  Slot              slots[2];
  guint             answer_timeout;  /* seconds */
};

#define DEFAULT_ANSWER_TIMEOUT 20

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (FerryAccountManager, ferry_account_manager, G_TYPE_OBJECT)

static const char *
settings_key (FerryRole role)
{
  return role == FERRY_ROLE_OLD ? "old-account" : "new-account";
}

static void
slot_clear (Slot *slot)
{
  g_clear_pointer (&slot->handle, g_free);
  g_clear_object (&slot->account);
  g_clear_object (&slot->client);
  g_clear_object (&slot->context);
  g_clear_pointer (&slot->problem, g_free);
  slot->state = FERRY_ACCOUNT_SIGNED_OUT;
}

static void
changed (FerryAccountManager *self,
         FerryRole            role)
{
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, (int) role);
}

static FerryClient *
client_for (FerryAccountManager *self,
            const char          *handle_text,
            GError             **error)
{
  g_autoptr(FerryHandle) handle = ferry_handle_parse (handle_text, 0, error);
  g_autoptr(GTlsDatabase) trust = NULL;
  g_autofree char *base_url = NULL;

  if (handle == NULL)
    return NULL;
  trust =
    self->tls_database ? g_object_ref (self->tls_database) : ferry_tls_database_get_default (error);
  if (trust == NULL)
    return NULL;
  base_url = ferry_handle_get_base_url (handle);
  return ferry_client_new (base_url, trust);
}

/* Checking one role */

typedef struct
{
  FerryAccountManager *self;
  FerryRole            role;
  GTask               *task;         /* the refresh, shared by both roles */
  GCancellable        *cancellable;  /* owned: this check's, cancelled at its deadline */
  gulong               cancelled_id;
  guint                deadline_id;
  gboolean             timed_out;
  gboolean             asking_server; /* FALSE while the keyring is asked */
} Check;

static void
check_done (Check *check)
{
  guint *pending = g_task_get_task_data (check->task);

  g_clear_handle_id (&check->deadline_id, g_source_remove);
  if (check->cancelled_id != 0)
    g_cancellable_disconnect (g_task_get_cancellable (check->task), check->cancelled_id);
  g_clear_object (&check->cancellable);
  changed (check->self, check->role);
  if (--(*pending) == 0)
    g_task_return_boolean (check->task, TRUE);
  g_object_unref (check->task);
  g_free (check);
}

static gboolean
check_deadline_cb (gpointer user_data)
{
  Check *check = user_data;

  check->deadline_id = 0;
  check->timed_out = TRUE;
  g_cancellable_cancel (check->cancellable);
  return G_SOURCE_REMOVE;
}

static void
outer_cancelled_cb (GCancellable *outer,
                    gpointer      user_data)
{
  g_cancellable_cancel (user_data);
}

/* The words for a check that ran out of time. */
static char *
not_answering (Check *check)
{
  Slot *slot = &check->self->slots[check->role];
  g_autoptr(FerryHandle) handle = slot->handle ? ferry_handle_parse (slot->handle, 0, NULL) : NULL;
  guint seconds = check->self->answer_timeout;

  if (!check->asking_server)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "The keyring is not answering (nothing in %u second). "
                                         "Unlock it, then try again.",
                                         "The keyring is not answering (nothing in %u seconds). "
                                         "Unlock it, then try again.", seconds), seconds);
  /* Translators: %s is a server such as example.org */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s is not answering (nothing in %u second). The account "
                                       "stays signed in; try again later.",
                                       "%s is not answering (nothing in %u seconds). The account "
                                       "stays signed in; try again later.", seconds),
                          handle ? handle->display_host : slot->handle, seconds);
}

static void
public_lookup_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Check *check = user_data;
  Slot *slot = &check->self->slots[check->role];
  g_autoptr(FerryAccount) account = ferry_client_lookup_account_finish (FERRY_CLIENT (object),
                                                                        result, NULL);

  if (account != NULL)
    g_set_object (&slot->account, account);
  check_done (check);
}

static void
verified_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Check *check = user_data;
  Slot *slot = &check->self->slots[check->role];
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryAccount) account = ferry_client_verify_credentials_finish (FERRY_CLIENT (object),
                                                                            result, &error);

  g_clear_pointer (&slot->problem, g_free);
  if (account != NULL)
    g_set_object (&slot->account, account);

  if (slot->account != NULL && error == NULL)
    slot->state = FERRY_ACCOUNT_SIGNED_IN;
  else if (check->timed_out)
    {
      slot->state = FERRY_ACCOUNT_UNREACHABLE;
      slot->problem = not_answering (check);
    }
  else if (g_error_matches (error, FERRY_API_ERROR, FERRY_API_ERROR_AUTH))
    {
      slot->state = FERRY_ACCOUNT_EXPIRED;
      slot->problem = g_strdup (error->message);
    }
  else if (g_error_matches (error, FERRY_API_ERROR, FERRY_API_ERROR_FORBIDDEN))
    {
      /* After a move Mastodon refuses the token on most endpoints; the public lookup still
       * shows the account, and where it moved. */
      g_autoptr(FerryHandle) handle = ferry_handle_parse (slot->handle, 0, NULL);
      g_autoptr(FerryClient) anonymous = client_for (check->self, slot->handle, NULL);

      slot->state = FERRY_ACCOUNT_LOGIN_DISABLED;
      slot->problem = g_strdup (error->message);
      if (handle != NULL && anonymous != NULL)
        {
          ferry_client_lookup_account_async (anonymous, handle->username, check->cancellable,
                                             public_lookup_cb, check);
          return;
        }
    }
  else
    {
      slot->state = FERRY_ACCOUNT_UNREACHABLE;
      slot->problem = g_strdup (error ? error->message : _("The server did not answer."));
    }
  check_done (check);
}

static void
token_found_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Check *check = user_data;
  Slot *slot = &check->self->slots[check->role];
  g_autoptr(GError) error = NULL;
  g_autofree char *token =
    ferry_secret_store_lookup_finish (FERRY_SECRET_STORE (object), result, &error);

  if (token == NULL)
    {
      /* No token: signed out (the keyring may have been cleared). A keyring error is said. */
      slot->state = error ? FERRY_ACCOUNT_UNREACHABLE : FERRY_ACCOUNT_SIGNED_OUT;
      g_clear_pointer (&slot->problem, g_free);
      slot->problem = check->timed_out ? not_answering (check)
                                       : error ? g_strdup (error->message) : NULL;
      check_done (check);
      return;
    }

  g_clear_object (&slot->client);
  slot->client = client_for (check->self, slot->handle, &error);
  if (slot->client == NULL)
    {
      slot->state = FERRY_ACCOUNT_UNREACHABLE;
      slot->problem = g_strdup (error->message);
      check_done (check);
      return;
    }
  ferry_client_set_token (slot->client, token);
  check->asking_server = TRUE;
  ferry_client_verify_credentials_async (slot->client, check->cancellable, verified_cb, check);
}

/**
 * ferry_account_manager_refresh_async:
 *
 * Reads the remembered accounts and checks each with its server.
 */
void
ferry_account_manager_refresh_async (FerryAccountManager *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  guint *pending;

  g_return_if_fail (FERRY_IS_ACCOUNT_MANAGER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_account_manager_refresh_async);
  pending = g_new (guint, 1);
  *pending = 2;
  g_task_set_task_data (task, pending, g_free);

  for (FerryRole role = FERRY_ROLE_OLD; role <= FERRY_ROLE_NEW; role++)
    {
      Slot *slot = &self->slots[role];
      g_autofree char *handle = g_settings_get_string (self->settings, settings_key (role));
      Check *check = g_new0 (Check, 1);

      check->self = self;
      check->role = role;
      check->task = g_object_ref (task);

      if (handle[0] == '\0')
        {
          slot_clear (slot);
          check_done (check);
          continue;
        }
      if (g_strcmp0 (slot->handle, handle) != 0)
        {
          slot_clear (slot);
          slot->handle = g_strdup (handle);
        }
      slot->state = FERRY_ACCOUNT_CHECKING;
      changed (self, role);
      check->cancellable = g_cancellable_new ();
      if (cancellable != NULL)
        check->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (outer_cancelled_cb),
                                                     g_object_ref (check->cancellable),
                                                     g_object_unref);
      check->deadline_id = g_timeout_add_seconds (self->answer_timeout, check_deadline_cb, check);
      ferry_secret_store_lookup_async (self->store, FERRY_SECRET_TOKEN, handle, check->cancellable,
                                       token_found_cb, check);
    }
}

gboolean
ferry_account_manager_refresh_finish (FerryAccountManager  *self,
                                      GAsyncResult         *result,
                                      GError              **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * ferry_account_manager_adopt:
 *
 * Takes a newly signed-in account (its token already in the keyring) for @role.
 */
void
ferry_account_manager_adopt (FerryAccountManager *self,
                             FerryRole            role,
                             FerryAccount        *account,
                             FerryClient         *client)
{
  Slot *slot;

  g_return_if_fail (FERRY_IS_ACCOUNT_MANAGER (self));
  g_return_if_fail (FERRY_IS_ACCOUNT (account));

  slot = &self->slots[role];
  slot_clear (slot);
  slot->handle = ferry_handle_to_string (ferry_account_get_handle (account));
  slot->account = g_object_ref (account);
  slot->client = client ? g_object_ref (client) : NULL;
  slot->state = FERRY_ACCOUNT_SIGNED_IN;
  g_settings_set_string (self->settings, settings_key (role), slot->handle);
  changed (self, role);
}

/* Signing out */

typedef struct
{
  FerryRole  role;
  char      *handle;
  char      *token;
  char      *host;
} SignOut;

static void
sign_out_free (SignOut *out)
{
  g_free (out->handle);
  g_free (out->token);
  g_free (out->host);
  g_free (out);
}

static void
token_cleared_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!ferry_secret_store_clear_finish (FERRY_SECRET_STORE (object), result, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
forget (GTask *task)
{
  FerryAccountManager *self = g_task_get_source_object (task);
  SignOut *out = g_task_get_task_data (task);

  slot_clear (&self->slots[out->role]);
  g_settings_set_string (self->settings, settings_key (out->role), "");
  changed (self, out->role);
  ferry_secret_store_clear_async (self->store, FERRY_SECRET_TOKEN, out->handle,
                                  g_task_get_cancellable (task), token_cleared_cb, task);
}

static void
revoked_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(GError) error = NULL;

  /* Best effort: an unreachable server must not keep the person signed in here. */
  if (!ferry_oauth_revoke_finish (FERRY_CLIENT (object), result, &error))
    g_message ("Could not revoke the token: %s", error->message);
  forget (task);
}

static void
app_found_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GTask *task = user_data;
  FerryAccountManager *self = g_task_get_source_object (task);
  SignOut *out = g_task_get_task_data (task);
  g_autofree char *serialized =
    ferry_secret_store_lookup_finish (FERRY_SECRET_STORE (object), result, NULL);
  g_autoptr(FerryOAuthApp) app = ferry_oauth_app_deserialize (serialized);
  g_autoptr(FerryClient) client = app ? client_for (self, out->handle, NULL) : NULL;

  if (client == NULL)
    {
      forget (task);
      return;
    }
  ferry_oauth_revoke_async (client, app, out->token, g_task_get_cancellable (task), revoked_cb,
                            task);
}

static void
token_for_revoke_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GTask *task = user_data;
  SignOut *out = g_task_get_task_data (task);
  g_autoptr(FerryHandle) handle = NULL;

  out->token = ferry_secret_store_lookup_finish (FERRY_SECRET_STORE (object), result, NULL);
  handle = ferry_handle_parse (out->handle, 0, NULL);
  if (out->token == NULL || handle == NULL)
    {
      forget (task);
      return;
    }
  ferry_secret_store_lookup_async (FERRY_SECRET_STORE (object), FERRY_SECRET_CLIENT, handle->host,
                                   g_task_get_cancellable (task), app_found_cb, task);
}

/**
 * ferry_account_manager_sign_out_async:
 *
 * Revokes the token at the server (where it answers), removes it from the keyring, and
 * forgets the account.
 */
void
ferry_account_manager_sign_out_async (FerryAccountManager *self,
                                      FerryRole            role,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  GTask *task;
  SignOut *out;
  g_autofree char *handle = NULL;

  g_return_if_fail (FERRY_IS_ACCOUNT_MANAGER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_account_manager_sign_out_async);
  handle = g_settings_get_string (self->settings, settings_key (role));
  out = g_new0 (SignOut, 1);
  out->role = role;
  out->handle =
    self->slots[role].handle ? g_strdup (self->slots[role].handle) : g_steal_pointer (&handle);
  g_task_set_task_data (task, out, (GDestroyNotify) sign_out_free);

  if (out->handle == NULL || out->handle[0] == '\0')
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }
  ferry_secret_store_lookup_async (self->store, FERRY_SECRET_TOKEN, out->handle, cancellable,
                                   token_for_revoke_cb, task);
}

gboolean
ferry_account_manager_sign_out_finish (FerryAccountManager  *self,
                                       GAsyncResult         *result,
                                       GError              **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Counting what the account holds */

typedef struct
{
  FerryCollectionCounts counts;
  guint                 pending;
} Count;

typedef struct
{
  GTask  *task;
  gint64 *slot;
} CountOne;

static void
counted_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  CountOne *one = user_data;
  Count *count = g_task_get_task_data (one->task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = ferry_client_list_all_finish (FERRY_CLIENT (object), result,
                                                             &error);

  *one->slot = items ? (gint64) items->len : -1;
  if (--count->pending == 0 && !g_task_return_error_if_cancelled (one->task))
    {
      FerryCollectionCounts *copy = g_memdup2 (&count->counts, sizeof count->counts);

      g_task_return_pointer (one->task, copy, g_free);
    }
  g_object_unref (one->task);
  g_free (one);
}

/**
 * ferry_account_manager_count_async:
 *
 * Counts the lists, blocks, mutes, domain blocks, bookmarks, followed tags and filters,
 * page by page within the rate budget.
 */
void
ferry_account_manager_count_async (FerryAccountManager *self,
                                   FerryRole            role,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  static const struct { FerryCollection collection; gsize offset; } lists[] = {
    { FERRY_COLLECTION_LISTS, G_STRUCT_OFFSET (FerryCollectionCounts, lists) },
    { FERRY_COLLECTION_FILTERS, G_STRUCT_OFFSET (FerryCollectionCounts, filters) },
    { FERRY_COLLECTION_FOLLOWED_TAGS, G_STRUCT_OFFSET (FerryCollectionCounts, followed_tags) },
    { FERRY_COLLECTION_DOMAIN_BLOCKS, G_STRUCT_OFFSET (FerryCollectionCounts, domain_blocks) },
    { FERRY_COLLECTION_BLOCKS, G_STRUCT_OFFSET (FerryCollectionCounts, blocks) },
    { FERRY_COLLECTION_MUTES, G_STRUCT_OFFSET (FerryCollectionCounts, mutes) },
    { FERRY_COLLECTION_BOOKMARKS, G_STRUCT_OFFSET (FerryCollectionCounts, bookmarks) },
  };
  GTask *task;
  Count *count;
  FerryClient *client;

  g_return_if_fail (FERRY_IS_ACCOUNT_MANAGER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_account_manager_count_async);
  client = self->slots[role].client;
  if (client == NULL || self->slots[role].state != FERRY_ACCOUNT_SIGNED_IN)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED,
                               _("The account is not signed in."));
      g_object_unref (task);
      return;
    }

  count = g_new0 (Count, 1);
  count->pending = G_N_ELEMENTS (lists);
  g_task_set_task_data (task, count, g_free);
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      CountOne *one = g_new0 (CountOne, 1);

      one->task = g_object_ref (task);
      one->slot = G_STRUCT_MEMBER_P (&count->counts, lists[i].offset);
      ferry_client_list_all_async (client, lists[i].collection, NULL, 0, cancellable, counted_cb,
                                   one);
    }
  g_object_unref (task);
}

FerryCollectionCounts *
ferry_account_manager_count_finish (FerryAccountManager  *self,
                                    GAsyncResult         *result,
                                    GError              **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
avatar_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  GBytes *bytes = ferry_client_get_bytes_finish (FERRY_CLIENT (object), result, &error);

  if (bytes == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
}

/* The account's picture, as the server has it. */
void
ferry_account_manager_load_avatar_async (FerryAccountManager *self,
                                         FerryRole            role,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Slot *slot = &self->slots[role];
  const char *url = slot->account ? ferry_account_get_avatar_url (slot->account) : NULL;
  g_autoptr(FerryClient) anonymous = NULL;

  g_task_set_source_tag (task, ferry_account_manager_load_avatar_async);
  if (url == NULL || slot->handle == NULL
      || (anonymous = client_for (self, slot->handle, NULL)) == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no picture");
      g_object_unref (task);
      return;
    }
  ferry_client_get_bytes_async (anonymous, url, cancellable, avatar_cb, task);
}

GBytes *
ferry_account_manager_load_avatar_finish (FerryAccountManager  *self,
                                          GAsyncResult         *result,
                                          GError              **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
ferry_account_manager_dispose (GObject *object)
{
  FerryAccountManager *self = FERRY_ACCOUNT_MANAGER (object);

  slot_clear (&self->slots[FERRY_ROLE_OLD]);
  slot_clear (&self->slots[FERRY_ROLE_NEW]);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->tls_database);

  G_OBJECT_CLASS (ferry_account_manager_parent_class)->dispose (object);
}

static void
ferry_account_manager_class_init (FerryAccountManagerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ferry_account_manager_dispose;

  /**
   * FerryAccountManager::changed:
   * @role: the FerryRole whose account changed
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);
}

static void
ferry_account_manager_init (FerryAccountManager *self)
{
  self->answer_timeout = DEFAULT_ANSWER_TIMEOUT;
}

/**
 * ferry_account_manager_new:
 * @settings: the application's settings (old-account, new-account)
 * @tls_database: (nullable): what to trust; %NULL for the system's store and $FERRY_CA_FILE
 */
FerryAccountManager *
ferry_account_manager_new (FerrySecretStore *store,
                           GSettings        *settings,
                           GTlsDatabase     *tls_database)
{
  FerryAccountManager *self;

  g_return_val_if_fail (FERRY_IS_SECRET_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (FERRY_TYPE_ACCOUNT_MANAGER, NULL);
  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);
  self->tls_database = tls_database ? g_object_ref (tls_database) : NULL;
  return self;
}

FerrySecretStore *
ferry_account_manager_get_store (FerryAccountManager *self)
{
  return self->store;
}

GTlsDatabase *
ferry_account_manager_get_tls_database (FerryAccountManager *self)
{
  return self->tls_database;
}

/* What to trust from now on (%NULL: the system's store and $FERRY_CA_FILE). Clients made
 * before keep theirs until the next refresh. */
void
ferry_account_manager_set_tls_database (FerryAccountManager *self,
                                        GTlsDatabase        *tls_database)
{
  g_return_if_fail (FERRY_IS_ACCOUNT_MANAGER (self));

  g_set_object (&self->tls_database, tls_database);
  for (FerryRole role = FERRY_ROLE_OLD; role <= FERRY_ROLE_NEW; role++)
    g_clear_object (&self->slots[role].client);
}

FerryAccountState
ferry_account_manager_get_state (FerryAccountManager *self,
                                 FerryRole            role)
{
  g_return_val_if_fail (FERRY_IS_ACCOUNT_MANAGER (self), FERRY_ACCOUNT_SIGNED_OUT);

  return self->slots[role].state;
}

/* Returns: (transfer none) (nullable) */
FerryAccount *
ferry_account_manager_get_account (FerryAccountManager *self,
                                   FerryRole            role)
{
  g_return_val_if_fail (FERRY_IS_ACCOUNT_MANAGER (self), NULL);

  return self->slots[role].account;
}

/* Returns: (transfer none) (nullable): the account's client, with its token */
FerryClient *
ferry_account_manager_get_client (FerryAccountManager *self,
                                  FerryRole            role)
{
  g_return_val_if_fail (FERRY_IS_ACCOUNT_MANAGER (self), NULL);

  return self->slots[role].client;
}

/**
 * ferry_account_manager_get_context:
 *
 * The signed-in account as the jobs working with it share it: its client and who it is, as
 * the last check asked (no request of its own; the server's probe is not part of it).
 *
 * Returns: (transfer none) (nullable): %NULL unless @role is signed in
 */
FerryAccountContext *
ferry_account_manager_get_context (FerryAccountManager *self,
                                   FerryRole            role)
{
  Slot *slot;

  g_return_val_if_fail (FERRY_IS_ACCOUNT_MANAGER (self), NULL);

  slot = &self->slots[role];
  if (slot->state != FERRY_ACCOUNT_SIGNED_IN || slot->client == NULL || slot->account == NULL)
    return NULL;
  if (slot->context == NULL ||
      ferry_account_context_get_client (slot->context) != slot->client ||
      ferry_account_context_get_account (slot->context) != slot->account)
    {
      g_clear_object (&slot->context);
      slot->context = ferry_account_context_new (slot->client, NULL, slot->account);
    }
  return slot->context;
}

const char *
ferry_account_manager_get_handle (FerryAccountManager *self,
                                  FerryRole            role)
{
  g_return_val_if_fail (FERRY_IS_ACCOUNT_MANAGER (self), NULL);

  return self->slots[role].handle;
}

/* Returns: (nullable): why the account is not fully usable, in words */
const char *
ferry_account_manager_get_problem (FerryAccountManager *self,
                                   FerryRole            role)
{
  g_return_val_if_fail (FERRY_IS_ACCOUNT_MANAGER (self), NULL);

  return self->slots[role].problem;
}

/* Whether the other role's account is on @server: then sign in with force_login. */
gboolean
ferry_account_manager_shares_server (FerryAccountManager *self,
                                     FerryRole            role,
                                     const char          *server)
{
  Slot *other = &self->slots[role == FERRY_ROLE_OLD ? FERRY_ROLE_NEW : FERRY_ROLE_OLD];
  g_autoptr(FerryHandle) a = ferry_handle_parse (server, FERRY_HANDLE_PARSE_SERVER_ONLY, NULL);
  g_autoptr(FerryHandle) b = other->handle ? ferry_handle_parse (other->handle, 0, NULL) : NULL;

  return a != NULL && b != NULL && g_str_equal (a->host, b->host);
}

/* How long each check in a refresh waits for the keyring and the server, at most. */
void
ferry_account_manager_set_answer_timeout (FerryAccountManager *self,
                                          guint                seconds)
{
  g_return_if_fail (FERRY_IS_ACCOUNT_MANAGER (self));
  g_return_if_fail (seconds > 0);

  self->answer_timeout = seconds;
}

guint
ferry_account_manager_get_answer_timeout (FerryAccountManager *self)
{
  g_return_val_if_fail (FERRY_IS_ACCOUNT_MANAGER (self), 0);

  return self->answer_timeout;
}

/**
 * ferry_account_manager_check_saved:
 *
 * Whether the settings give back what ferry_account_manager_adopt() (or signing out) wrote
 * for @role, read afresh after writing: where they cannot be written (dconf without its
 * service, a read-only backend), the next start would not know the account.
 *
 * Returns: %FALSE with @error saying so
 */
gboolean
ferry_account_manager_check_saved (FerryAccountManager  *self,
                                   FerryRole             role,
                                   GError              **error)
{
  g_autoptr(GSettingsBackend) backend = NULL;
  g_autoptr(GSettings) fresh = NULL;
  g_autofree char *schema_id = NULL;
  g_autofree char *stored = NULL;
  const char *wanted;

  g_return_val_if_fail (FERRY_IS_ACCOUNT_MANAGER (self), FALSE);

  wanted = self->slots[role].handle ? self->slots[role].handle : "";
  g_settings_sync ();
  g_object_get (self->settings, "backend", &backend, "schema-id", &schema_id, NULL);
  fresh = g_settings_new_with_backend (schema_id, backend);
  stored = g_settings_get_string (fresh, settings_key (role));
  if (g_str_equal (stored, wanted))
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("Ferry could not save which account is signed in: the settings on this "
                 "computer did not keep what Ferry wrote (they read back “%s”). The next start "
                 "will not know the account."), stored);
  return FALSE;
}
