/* ferry-sign-in.c: signing in to one account, from a server name to a token in the keyring
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Probe the server; reuse Ferry's registration there, or register (kept in the keyring:
 * servers allow five registrations per ten minutes); send the person to the server's page
 * in their browser, with PKCE where the server has it and a random state; wait for the
 * loopback redirect (or for the code they paste); exchange it; check whose account it is;
 * keep the token in the keyring. The browser is opened through "open-uri", or
 * g_app_info_launch_default_for_uri_async() (the OpenURI portal in Flatpak); where neither
 * can, the URL is in the authorize-url property for the person to open.
 *
 * Where the server wants the exact redirect URI (GoToSocial), the registration names the
 * listener's port; the next sign-in listens on that port again, or registers afresh. When the
 * way back through the browser fails (the server refuses the redirect, the listener cannot
 * start, the browser never comes back), the sign-in goes on with the pasted code: stage
 * WAITING_FOR_CODE, a new authorize-url, "open-uri" again, and the reason in fallback-reason.
 */

#define G_LOG_DOMAIN "ferry-sign-in"

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-api-error.h"
#include "ferry-client-accounts.h"
#include "ferry-handle.h"
#include "ferry-loopback-listener.h"
#include "ferry-tls-database.h"
#include "ferry-sign-in.h"

struct _FerrySignIn
{
  FerryJob               parent_instance;

  char                  *server;
  FerryRole              role;
  FerrySecretStore      *store;        /* owned */
  GTlsDatabase          *tls_database; /* owned, nullable */
  gboolean               paste_code;
  gboolean               force_login;
  FerryOAuthAccess       extra_access;  /* beyond the role: only where asked for */

  FerrySignInStage       stage;
  FerryHandle           *handle;       /* the server */
  FerryClient           *client;       /* owned */
  FerryServerInfo       *info;         /* owned */
  FerryOAuthApp         *app;
  FerryLoopbackListener *listener;     /* owned */
  char                  *verifier;
  char                  *state;
  char                  *redirect_uri;
  char                  *authorize_url;
  char                  *fallback_reason;
  char                  *token;
  guint                  browser_timeout;   /* seconds; 0: the listener's own */
  GTask                 *task;         /* owned, while running */
  FerryAccount          *account;      /* owned: signed in */
};

enum {
  PROP_0,
  PROP_STAGE,
  PROP_AUTHORIZE_URL,
  PROP_FALLBACK_REASON,
  N_PROPS
};

enum {
  SIGNAL_OPEN_URI,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void     ferry_sign_in_run            (FerryJob             *job,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
static gboolean ferry_sign_in_run_finish_job (FerryJob             *job,
                                              GAsyncResult         *result,
                                              GError              **error);

G_DEFINE_FINAL_TYPE (FerrySignIn, ferry_sign_in, FERRY_TYPE_JOB)

static void
set_stage (FerrySignIn      *self,
           FerrySignInStage  stage)
{
  if (self->stage == stage)
    return;
  self->stage = stage;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
}

static void
fail (FerrySignIn *self,
      GError      *error)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);

  g_clear_object (&self->listener);
  if (task != NULL)
    g_task_return_error (task, error);
  else
    g_error_free (error);
}

static GCancellable *
cancellable_of (FerrySignIn *self)
{
  return ferry_job_get_cancellable (FERRY_JOB (self));
}

static void
token_stored_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(FerryAccount) account = user_data;
  FerrySignIn *self = g_object_get_data (G_OBJECT (account), "ferry-sign-in");
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;

  if (!ferry_secret_store_store_finish (FERRY_SECRET_STORE (object), result, &error))
    {
      fail (self, g_steal_pointer (&error));
      return;
    }
  set_stage (self, FERRY_SIGN_IN_DONE);
  task = g_steal_pointer (&self->task);
  g_object_set_data (G_OBJECT (account), "ferry-sign-in", NULL);
  g_set_object (&self->account, account);
  g_task_return_boolean (task, TRUE);
}

static void
verified_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  FerrySignIn *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryAccount) account = ferry_client_verify_credentials_finish (FERRY_CLIENT (object),
                                                                            result, &error);
  g_autofree char *key = NULL;
  g_autofree char *label = NULL;
  g_autofree char *display = NULL;

  if (account == NULL)
    {
      fail (self, g_steal_pointer (&error));
      return;
    }

  key = ferry_handle_to_string (ferry_account_get_handle (account));
  display = ferry_handle_to_display (ferry_account_get_handle (account));
  /* Translators: the label of the keyring item; %s is an account such as @alice@example.org */
  label = g_strdup_printf (_("Ferry sign-in for %s"), display);
  g_object_set_data (G_OBJECT (account), "ferry-sign-in", self);
  ferry_secret_store_store_async (self->store, FERRY_SECRET_TOKEN, key, label, self->token,
                                  cancellable_of (self), token_stored_cb,
                                  g_steal_pointer (&account));
}

static void
exchanged_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  FerrySignIn *self = user_data;
  g_autoptr(GError) error = NULL;

  self->token = ferry_oauth_exchange_finish (FERRY_CLIENT (object), result, &error);
  if (self->token == NULL)
    {
      fail (self, g_steal_pointer (&error));
      return;
    }
  ferry_client_set_token (self->client, self->token);
  ferry_client_verify_credentials_async (self->client, cancellable_of (self), verified_cb, self);
}

static void
have_code (FerrySignIn *self,
           const char  *code)
{
  set_stage (self, FERRY_SIGN_IN_FINISHING);
  ferry_oauth_exchange_async (self->client, self->app, code, self->redirect_uri, self->verifier,
                              cancellable_of (self), exchanged_cb, self);
}

static void open_authorization (FerrySignIn *self);

/* The way back through the browser failed: go on with the pasted code, on the out-of-band
 * URI every registration of Ferry's has, rather than leave the person with an error. */
static void
fall_back_to_code (FerrySignIn *self,
                   const char  *reason)
{
  g_clear_object (&self->listener);
  g_clear_pointer (&self->fallback_reason, g_free);
  self->fallback_reason = g_strdup (reason);
  self->paste_code = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FALLBACK_REASON]);
  open_authorization (self);
}

static void
listener_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  FerrySignIn *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *code = ferry_loopback_listener_wait_finish (FERRY_LOOPBACK_LISTENER (object),
                                                               result, &error);

  if (code != NULL)
    {
      have_code (self, code);
      return;
    }
  /* Cancelled, or the person said no: that is the answer. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_error_matches (error, FERRY_API_ERROR, FERRY_API_ERROR_AUTH) || self->task == NULL)
    {
      fail (self, g_steal_pointer (&error));
      return;
    }
  fall_back_to_code (self, error->message);
}

static void
launched_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* No browser could be opened: the URL stays on show for the person to open. */
  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    g_message ("Could not open a browser: %s", error->message);
}

static void
open_authorization (FerrySignIn *self)
{
  g_autofree char *scopes = ferry_oauth_scopes_for (self->info, ferry_role_get_access (self->role) |
                                                                self->extra_access);
  g_autofree char *challenge = NULL;
  gboolean handled = FALSE;

  /* A fresh state and verifier for each page Ferry sends the person to. */
  g_clear_pointer (&self->state, g_free);
  g_clear_pointer (&self->verifier, g_free);
  g_clear_pointer (&self->redirect_uri, g_free);
  g_clear_pointer (&self->authorize_url, g_free);
  if (self->listener != NULL)
    {
      self->state = g_strdup (ferry_loopback_listener_get_state (self->listener));
      self->redirect_uri = g_strdup (ferry_loopback_listener_get_redirect_uri (self->listener));
    }
  else
    {
      self->state = ferry_oauth_random_token ();
      self->redirect_uri = g_strdup (FERRY_OAUTH_OOB);
    }
  if (ferry_server_info_supports_pkce (self->info))
    {
      self->verifier = ferry_oauth_random_token ();
      challenge = ferry_oauth_pkce_challenge (self->verifier);
    }

  self->authorize_url = ferry_oauth_authorize_url (ferry_client_get_base_url (self->client),
                                                   self->app, self->redirect_uri, scopes,
                                                   self->state, challenge, self->force_login);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHORIZE_URL]);
  set_stage (self, self->listener == NULL ? FERRY_SIGN_IN_WAITING_FOR_CODE
                                          : FERRY_SIGN_IN_WAITING_FOR_BROWSER);

  if (self->listener != NULL)
    ferry_loopback_listener_wait_async (self->listener, cancellable_of (self), listener_cb, self);

  g_signal_emit (self, signals[SIGNAL_OPEN_URI], 0, self->authorize_url, &handled);
  if (!handled)
    g_app_info_launch_default_for_uri_async (self->authorize_url, NULL, NULL, launched_cb, NULL);
}

static void
app_stored_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  FerrySignIn *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!ferry_secret_store_store_finish (FERRY_SECRET_STORE (object), result, &error))
    {
      fail (self, g_steal_pointer (&error));
      return;
    }
  open_authorization (self);
}

static void
registered_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  FerrySignIn *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *serialized = NULL;
  g_autofree char *label = NULL;

  self->app = ferry_oauth_register_finish (FERRY_CLIENT (object), result, &error);
  if (self->app == NULL)
    {
      fail (self, g_steal_pointer (&error));
      return;
    }
  serialized = ferry_oauth_app_serialize (self->app);
  /* Translators: the label of the keyring item; %s is a server such as example.org */
  label = g_strdup_printf (_("Ferry’s registration on %s"), self->handle->display_host);
  ferry_secret_store_store_async (self->store, FERRY_SECRET_CLIENT, self->handle->host, label,
                                  serialized, cancellable_of (self), app_stored_cb, self);
}

/* The listener for the browser's way back: on the registered port where the server wants the
 * exact URI and that port is free, else on any. Where none can listen, the code is pasted. */
static void
start_listener (FerrySignIn *self,
                guint16      port)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *state = ferry_oauth_random_token ();

  if (self->paste_code)
    return;
  if (port != 0)
    self->listener = ferry_loopback_listener_new (state, port, NULL);
  if (self->listener == NULL)
    self->listener = ferry_loopback_listener_new (state, 0, &error);
  if (self->listener == NULL)
    {
      self->paste_code = TRUE;
      self->fallback_reason = g_strdup_printf (_("Ferry could not wait for the browser here (%s)."),
                                               error->message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FALLBACK_REASON]);
      return;
    }
  if (self->browser_timeout > 0)
    ferry_loopback_listener_set_timeout (self->listener, self->browser_timeout);
}

static void
app_found_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  FerrySignIn *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *serialized = ferry_secret_store_lookup_finish (FERRY_SECRET_STORE (object),
                                                                  result, &error);
  gboolean exact;
  const char *loopback;

  if (error != NULL)
    {
      fail (self, g_steal_pointer (&error));
      return;
    }

  self->app = ferry_oauth_app_deserialize (serialized);
  exact = !ferry_oauth_loopback_port_varies (self->info);
  start_listener (self, exact ? ferry_oauth_app_get_port (self->app) : 0);
  loopback = self->listener ? ferry_loopback_listener_get_redirect_uri (self->listener) : NULL;
  if (ferry_oauth_app_fits_with (self->app, self->info, loopback, self->extra_access))
    {
      open_authorization (self);
      return;
    }

  g_clear_pointer (&self->app, ferry_oauth_app_free);
  set_stage (self, FERRY_SIGN_IN_REGISTERING);
  ferry_oauth_register_with_async (self->client, self->info, exact ? loopback : NULL,
                                   self->extra_access, cancellable_of (self), registered_cb,
                                   self);
}

static void
probed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  FerrySignIn *self = user_data;
  g_autoptr(GError) error = NULL;

  self->info = ferry_server_info_probe_finish (result, &error);
  if (self->info == NULL)
    {
      fail (self, g_steal_pointer (&error));
      return;
    }
  if (ferry_server_info_get_migration_kind (self->info) == FERRY_MIGRATION_MISSKEY)
    {
      fail (self, g_error_new (FERRY_API_ERROR, FERRY_API_ERROR_UNSUPPORTED,
                               _("%s runs %s, whose sign-in Ferry does not support yet."),
                               self->handle->display_host,
                               ferry_server_info_get_software_name (self->info)));
      return;
    }
  ferry_secret_store_lookup_async (self->store, FERRY_SECRET_CLIENT, self->handle->host,
                                   cancellable_of (self), app_found_cb, self);
}

static void
ferry_sign_in_dispose (GObject *object)
{
  FerrySignIn *self = FERRY_SIGN_IN (object);

  g_clear_object (&self->listener);
  g_clear_object (&self->client);
  g_clear_object (&self->info);
  g_clear_object (&self->store);
  g_clear_object (&self->tls_database);
  g_clear_object (&self->task);
  g_clear_object (&self->account);

  G_OBJECT_CLASS (ferry_sign_in_parent_class)->dispose (object);
}

static void
ferry_sign_in_finalize (GObject *object)
{
  FerrySignIn *self = FERRY_SIGN_IN (object);

  g_free (self->server);
  ferry_handle_free (self->handle);
  ferry_oauth_app_free (self->app);
  g_free (self->verifier);
  g_free (self->state);
  g_free (self->redirect_uri);
  g_free (self->authorize_url);
  g_free (self->fallback_reason);
  g_free (self->token);

  G_OBJECT_CLASS (ferry_sign_in_parent_class)->finalize (object);
}

static void
ferry_sign_in_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  FerrySignIn *self = FERRY_SIGN_IN (object);

  switch (prop_id)
    {
    case PROP_STAGE:
      g_value_set_int (value, self->stage);
      break;

    case PROP_AUTHORIZE_URL:
      g_value_set_string (value, self->authorize_url);
      break;

    case PROP_FALLBACK_REASON:
      g_value_set_string (value, self->fallback_reason);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_sign_in_class_init (FerrySignInClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ferry_sign_in_dispose;
  object_class->finalize = ferry_sign_in_finalize;
  object_class->get_property = ferry_sign_in_get_property;
  FERRY_JOB_CLASS (klass)->run_async = ferry_sign_in_run;
  FERRY_JOB_CLASS (klass)->run_finish = ferry_sign_in_run_finish_job;

  properties[PROP_STAGE] =
    g_param_spec_int ("stage", NULL, NULL, FERRY_SIGN_IN_STARTING, FERRY_SIGN_IN_DONE,
                      FERRY_SIGN_IN_STARTING,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_AUTHORIZE_URL] =
    g_param_spec_string ("authorize-url", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* Why the sign-in went on with a pasted code instead of the way back through the browser. */
  properties[PROP_FALLBACK_REASON] =
    g_param_spec_string ("fallback-reason", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FerrySignIn::open-uri:
   * @url: the server's authorization page
   *
   * Return %TRUE when the page was opened; otherwise Ferry asks the desktop to open it.
   */
  signals[SIGNAL_OPEN_URI] =
    g_signal_new ("open-uri", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  g_signal_accumulator_true_handled, NULL, NULL,
                  G_TYPE_BOOLEAN, 1, G_TYPE_STRING);
}

static void
ferry_sign_in_init (FerrySignIn *self)
{
}

/**
 * ferry_sign_in_new:
 * @server: what the person typed: a server, or an account on it
 * @tls_database: (nullable): what to trust; %NULL for the system's store and $FERRY_CA_FILE
 */
FerrySignIn *
ferry_sign_in_new (const char       *server,
                   FerryRole         role,
                   FerrySecretStore *store,
                   GTlsDatabase     *tls_database)
{
  FerrySignIn *self;

  g_return_val_if_fail (server != NULL, NULL);
  g_return_val_if_fail (FERRY_IS_SECRET_STORE (store), NULL);

  self = g_object_new (FERRY_TYPE_SIGN_IN, NULL);
  self->server = g_strdup (server);
  self->role = role;
  self->store = g_object_ref (store);
  self->tls_database = tls_database ? g_object_ref (tls_database) : NULL;
  return self;
}

/* The out-of-band flow: the server shows a code, the person pastes it (submit_code). */
void
ferry_sign_in_set_paste_code (FerrySignIn *self,
                              gboolean     paste_code)
{
  g_return_if_fail (FERRY_IS_SIGN_IN (self));

  self->paste_code = paste_code;
}

/* More than the role needs: FERRY_OAUTH_ADMIN_READ for a community helper who reads the old
 * server's accounts (community-facts §1.2). Never set for the individual journey. */
void
ferry_sign_in_set_extra_access (FerrySignIn      *self,
                                FerryOAuthAccess  extra)
{
  g_return_if_fail (FERRY_IS_SIGN_IN (self));

  self->extra_access = extra;
}

/* Sign in afresh on the server's page: for a second account on the same server. */
void
ferry_sign_in_set_force_login (FerrySignIn *self,
                               gboolean     force_login)
{
  g_return_if_fail (FERRY_IS_SIGN_IN (self));

  self->force_login = force_login;
}

FerrySignInStage
ferry_sign_in_get_stage (FerrySignIn *self)
{
  g_return_val_if_fail (FERRY_IS_SIGN_IN (self), FERRY_SIGN_IN_STARTING);

  return self->stage;
}

const char *
ferry_sign_in_get_authorize_url (FerrySignIn *self)
{
  g_return_val_if_fail (FERRY_IS_SIGN_IN (self), NULL);

  return self->authorize_url;
}

FerryServerInfo *
ferry_sign_in_get_server_info (FerrySignIn *self)
{
  g_return_val_if_fail (FERRY_IS_SIGN_IN (self), NULL);

  return self->info;
}

/* The client, with the new token once signed in. */
FerryClient *
ferry_sign_in_get_client (FerrySignIn *self)
{
  g_return_val_if_fail (FERRY_IS_SIGN_IN (self), NULL);

  return self->client;
}

void
ferry_sign_in_submit_code (FerrySignIn *self,
                           const char  *code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *state = NULL;
  g_autofree char *parsed = NULL;

  g_return_if_fail (FERRY_IS_SIGN_IN (self));
  g_return_if_fail (self->stage == FERRY_SIGN_IN_WAITING_FOR_CODE);

  parsed = ferry_oauth_parse_pasted_code (code, &state, &error);
  if (parsed == NULL)
    {
      fail (self, g_steal_pointer (&error));
      return;
    }
  if (state != NULL && g_strcmp0 (state, self->state) != 0)
    {
      fail (self, g_error_new_literal (FERRY_API_ERROR, FERRY_API_ERROR_INVALID,
                                       _("This code belongs to another sign-in. Copy the code "
                                         "from the page Ferry opened last.")));
      return;
    }
  have_code (self, parsed);
}

/* Why the sign-in asks for a pasted code although it began with the browser; %NULL if not. */
const char *
ferry_sign_in_get_fallback_reason (FerrySignIn *self)
{
  g_return_val_if_fail (FERRY_IS_SIGN_IN (self), NULL);

  return self->fallback_reason;
}

/* At most this long for the browser to come back (tests); by default the listener's. */
void
ferry_sign_in_set_browser_timeout (FerrySignIn *self,
                                   guint        seconds)
{
  g_return_if_fail (FERRY_IS_SIGN_IN (self));

  self->browser_timeout = seconds;
}

static gboolean
cancelled_idle_cb (gpointer user_data)
{
  g_autoptr(FerrySignIn) self = user_data;

  if (self->stage == FERRY_SIGN_IN_WAITING_FOR_CODE && self->task != NULL)
    fail (self, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled"));
  return G_SOURCE_REMOVE;
}

/* While waiting for a pasted code nothing else is under way to notice a cancel. */
static void
cancelled_cb (GCancellable *cancellable,
              FerrySignIn  *self)
{
  g_idle_add (cancelled_idle_cb, g_object_ref (self));
}

/* FerryJob's run_async; @cancellable is the job's own. */
static void
ferry_sign_in_run (FerryJob            *job,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  FerrySignIn *self = FERRY_SIGN_IN (job);
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsDatabase) trust = NULL;
  g_autofree char *base_url = NULL;

  g_assert (self->task == NULL);

  self->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, ferry_sign_in_run);
  g_signal_connect_object (cancellable, "cancelled", G_CALLBACK (cancelled_cb), self, 0);

  self->handle = ferry_handle_parse (self->server, FERRY_HANDLE_PARSE_SERVER_ONLY, &error);
  trust = self->tls_database ? g_object_ref (self->tls_database)
                             : ferry_tls_database_get_default (&error);
  if (self->handle == NULL || trust == NULL)
    {
      fail (self, g_steal_pointer (&error));
      return;
    }

  base_url = ferry_handle_get_base_url (self->handle);
  self->client = ferry_client_new (base_url, trust);
  set_stage (self, FERRY_SIGN_IN_PROBING);
  ferry_server_info_probe_async (self->client, cancellable, probed_cb, self);
}

static gboolean
ferry_sign_in_run_finish_job (FerryJob      *job,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, job), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Runs the job (ferry_job_run_async()); once only. */
void
ferry_sign_in_run_async (FerrySignIn         *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_return_if_fail (FERRY_IS_SIGN_IN (self));

  ferry_job_run_async (FERRY_JOB (self), cancellable, callback, user_data);
}

/**
 * ferry_sign_in_run_finish:
 *
 * Returns: (transfer full): the signed-in account; its token is in the secret store
 */
FerryAccount *
ferry_sign_in_run_finish (FerrySignIn   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (FERRY_IS_SIGN_IN (self), NULL);

  if (!ferry_job_run_finish (FERRY_JOB (self), result, error))
    return NULL;
  return g_object_ref (self->account);
}
