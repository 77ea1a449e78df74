/* ferry-account-context.c: one signed-in account as everything that works with it needs it:
 * its client (with the token), what its server is, who the account is, and its address
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fetched once (the probe, then verify_credentials) and shared by the jobs that work with
 * the account, instead of each asking the server again who it is. Immutable once made.
 */

#define G_LOG_DOMAIN "ferry-account-context"

#include "config.h"

#include <string.h>

#include "ferry-account-context.h"
#include "ferry-client-accounts.h"

struct _FerryAccountContext
{
  GObject          parent_instance;

  FerryClient     *client;    /* owned */
  FerryServerInfo *info;      /* owned, nullable: the probe did not answer */
  FerryAccount    *account;   /* owned */
};

G_DEFINE_FINAL_TYPE (FerryAccountContext, ferry_account_context, G_TYPE_OBJECT)

static void
ferry_account_context_dispose (GObject *object)
{
  FerryAccountContext *self = FERRY_ACCOUNT_CONTEXT (object);

  g_clear_object (&self->client);
  g_clear_object (&self->info);
  g_clear_object (&self->account);

  G_OBJECT_CLASS (ferry_account_context_parent_class)->dispose (object);
}

static void
ferry_account_context_class_init (FerryAccountContextClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ferry_account_context_dispose;
}

static void
ferry_account_context_init (FerryAccountContext *self)
{
}

/**
 * ferry_account_context_new:
 * @client: the account's client, with its token
 * @info: (nullable): its server, as probed
 * @account: who the token belongs to (verify_credentials)
 *
 * A context from what is already known (a sign-in that just asked).
 */
FerryAccountContext *
ferry_account_context_new (FerryClient     *client,
                           FerryServerInfo *info,
                           FerryAccount    *account)
{
  FerryAccountContext *self;

  g_return_val_if_fail (FERRY_IS_CLIENT (client), NULL);
  g_return_val_if_fail (info == NULL || FERRY_IS_SERVER_INFO (info), NULL);
  g_return_val_if_fail (FERRY_IS_ACCOUNT (account), NULL);

  self = g_object_new (FERRY_TYPE_ACCOUNT_CONTEXT, NULL);
  self->client = g_object_ref (client);
  self->info = info ? g_object_ref (info) : NULL;
  self->account = g_object_ref (account);
  return self;
}

typedef struct
{
  FerryClient     *client;
  FerryServerInfo *info;
} Fetch;

static void
fetch_free (Fetch *fetch)
{
  g_clear_object (&fetch->client);
  g_clear_object (&fetch->info);
  g_free (fetch);
}

static void
verified_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Fetch *fetch = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryAccount) account = ferry_client_verify_credentials_finish (FERRY_CLIENT (object),
                                                                            result, &error);

  if (account == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, ferry_account_context_new (fetch->client, fetch->info, account),
                           g_object_unref);
}

static void
probed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Fetch *fetch = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(GError) error = NULL;

  /* A server that does not say what it is still has an account: only cancelling stops. */
  fetch->info = ferry_server_info_probe_finish (result, &error);
  if (fetch->info == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  ferry_client_verify_credentials_async (fetch->client, cancellable, verified_cb,
                                         g_steal_pointer (&task));
}

/**
 * ferry_account_context_new_async:
 * @info: (nullable): the server's probe, when it is known; %NULL: probed first (a probe that
 *   fails leaves the context without one)
 *
 * Asks the server once what it is and who the token belongs to.
 */
void
ferry_account_context_new_async (FerryClient         *client,
                                 FerryServerInfo     *info,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task;
  Fetch *fetch;

  g_return_if_fail (FERRY_IS_CLIENT (client));
  g_return_if_fail (info == NULL || FERRY_IS_SERVER_INFO (info));

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_account_context_new_async);
  fetch = g_new0 (Fetch, 1);
  fetch->client = g_object_ref (client);
  fetch->info = info ? g_object_ref (info) : NULL;
  g_task_set_task_data (task, fetch, (GDestroyNotify) fetch_free);
  if (info != NULL)
    ferry_client_verify_credentials_async (client, cancellable, verified_cb, task);
  else
    ferry_server_info_probe_async (client, cancellable, probed_cb, task);
}

/* Returns: (transfer full): the context, or %NULL with @error (verify_credentials') */
FerryAccountContext *
ferry_account_context_new_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        ferry_account_context_new_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Returns: (transfer none): the account's client, with its token */
FerryClient *
ferry_account_context_get_client (FerryAccountContext *self)
{
  g_return_val_if_fail (FERRY_IS_ACCOUNT_CONTEXT (self), NULL);

  return self->client;
}

/* Returns: (transfer none) (nullable): the server as probed; %NULL when it did not say */
FerryServerInfo *
ferry_account_context_get_server_info (FerryAccountContext *self)
{
  g_return_val_if_fail (FERRY_IS_ACCOUNT_CONTEXT (self), NULL);

  return self->info;
}

/* Returns: (transfer none): the signed-in account */
FerryAccount *
ferry_account_context_get_account (FerryAccountContext *self)
{
  g_return_val_if_fail (FERRY_IS_ACCOUNT_CONTEXT (self), NULL);

  return self->account;
}

/* Returns: (transfer none): the account's canonical address (FerryHandle's normal form) */
const FerryHandle *
ferry_account_context_get_handle (FerryAccountContext *self)
{
  g_return_val_if_fail (FERRY_IS_ACCOUNT_CONTEXT (self), NULL);

  return ferry_account_get_handle (self->account);
}

/* Returns: the host local accounts' acct leaves out (the account's own) */
const char *
ferry_account_context_get_local_domain (FerryAccountContext *self)
{
  g_return_val_if_fail (FERRY_IS_ACCOUNT_CONTEXT (self), NULL);

  return ferry_account_get_handle (self->account)->host;
}

/**
 * ferry_account_context_full_acct:
 * @acct: an acct as this server sends it ("user", "user@host", or with a leading "@")
 *
 * Mastodon's Export#acct: every account with its domain, this server's too, in the case
 * the server wrote it (the CSV keeps it).
 *
 * Returns: (transfer full): "user@host"
 */
char *
ferry_account_context_full_acct (FerryAccountContext *self,
                                 const char          *acct)
{
  g_autofree char *full = NULL;

  g_return_val_if_fail (FERRY_IS_ACCOUNT_CONTEXT (self), NULL);
  g_return_val_if_fail (acct != NULL, NULL);

  /* FerryHandle's one rule: the name as written, the host normalised. */
  full = ferry_handle_normalize_acct (acct, ferry_account_context_get_local_domain (self));
  return full ? g_steal_pointer (&full) : g_strdup (acct[0] == '@' ? acct + 1 : acct);
}
