/* ferry-move-stage-job.c: one step of a move (redirect, alias, move), run as a job
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A step either goes through the server's API (GoToSocial, Akkoma) and is then read back,
 * or was handed to a web page and is watched for: the servers are asked every poll
 * interval until it shows. While it sends, the job is running ("Sending…"); while it
 * watches, it is waiting, until the end of the wait limit, for the reason the step's detail
 * says (what is awaited, from where, and for how long). Every wait has an end: the wait
 * limit (a few minutes after an API call), or the same refusal three times in a row; the
 * error at the end says what to do. Paused, it asks the servers nothing until resumed;
 * cancelled, it ends at once, even between two polls. What it learnt is saved off the main
 * thread (ferry_move_save_async()) before it ends.
 */

#define G_LOG_DOMAIN "ferry-move"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ferry-api-error.h"
#include "ferry-move-private.h"
#include "ferry-move-stage-job.h"

#define API_WAIT_MS (2 * 60 * 1000)   /* a server shows what its API just did at once */
#define REFUSALS_MAX 3                  /* the same refusal this often: not waited out */

struct _FerryMoveStageJob
{
  FerryJob        parent_instance;

  FerryMove      *move;       /* owned */
  FerryMoveStage  stage;
  char           *password;   /* for the API move only; wiped when sent or done */
  GTask          *task;       /* owned: the run, until it ends */
  GSource        *timeout;    /* owned: the next poll */
  GSource        *cancelled;  /* owned while it runs: the job's cancellable */
  gboolean        handed_off; /* the person does it on a web page */
  gint64          started;    /* monotonic µs */
  gint64          ends;       /* real µs: the end of the wait limit */
  guint           limit_ms;
  guint           minutes_said;
  guint           refusals;   /* refusals in a row */
};

G_DEFINE_FINAL_TYPE (FerryMoveStageJob, ferry_move_stage_job, FERRY_TYPE_JOB)

enum
{
  PROP_0,
  PROP_MOVE,
  PROP_STAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void poll_once (FerryMoveStageJob *self);

static void
forget_password (FerryMoveStageJob *self)
{
  if (self->password == NULL)
    return;
  memset (self->password, 0, strlen (self->password));
  g_clear_pointer (&self->password, g_free);
}

static void
clear_source (GSource **source)
{
  if (*source == NULL)
    return;
  g_source_destroy (*source);
  g_clear_pointer (source, g_source_unref);
}

static GCancellable *
cancellable_of (FerryMoveStageJob *self)
{
  return ferry_job_get_cancellable (FERRY_JOB (self));
}

/* The one way a run ends: @error (transfer full), or %NULL when the step shows. */
static void
finish (FerryMoveStageJob *self,
        GError            *error)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);

  g_assert (task != NULL);
  forget_password (self);
  clear_source (&self->timeout);
  clear_source (&self->cancelled);
  self->move->running[self->stage] = FALSE;
  ferry_move_evaluate (self->move);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static gboolean
cancelled_cb (GCancellable *cancellable,
              gpointer      user_data)
{
  FerryMoveStageJob *self = user_data;

  g_clear_pointer (&self->cancelled, g_source_unref);
  /* Between two polls: no answer will come to end it. */
  if (self->timeout != NULL)
    {
      clear_source (&self->timeout);
      poll_once (self);
    }
  return G_SOURCE_REMOVE;
}

static void
poll_resumed (FerryJob *job,
              gpointer  user_data)
{
  poll_once (FERRY_MOVE_STAGE_JOB (job));
}

static gboolean
poll_again_cb (gpointer user_data)
{
  FerryMoveStageJob *self = user_data;

  g_clear_pointer (&self->timeout, g_source_unref);
  /* Paused: asked again once resumed (or cancelled). */
  ferry_job_when_running (FERRY_JOB (self), poll_resumed, NULL);
  return G_SOURCE_REMOVE;
}

static void
poll_later (FerryMoveStageJob *self)
{
  GError *error = NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable_of (self), &error))
    {
      finish (self, error);
      return;
    }
  self->timeout = g_timeout_source_new (self->move->poll_ms);
  g_source_set_callback (self->timeout, poll_again_cb, self, NULL);
  g_source_set_static_name (self->timeout, "[ferry] move step poll");
  g_source_attach (self->timeout, g_main_context_get_thread_default ());
}

/* Whether the step shows on the servers now. */
static gboolean
step_done (FerryMoveStageJob *self)
{
  FerryMove *move = self->move;

  switch ((int) self->stage)
    {
    case FERRY_MOVE_STAGE_REDIRECT:
      return move->target->account != NULL &&
             ferry_account_get_moved_to (move->target->account) == NULL;
    case FERRY_MOVE_STAGE_ALIAS:
      return move->alias == 1 || ferry_move_origin_moved (move);
    default:
      return ferry_move_origin_moved (move);
    }
}

static guint
minutes_of (guint ms)
{
  return MAX ((ms + 59999) / 60000, 1);
}

/* The server whose answer shows the step. */
static const char *
watched_host (FerryMoveStageJob *self)
{
  return self->stage == FERRY_MOVE_STAGE_MOVE ? self->move->origin->handle->host
                                              : self->move->target->handle->host;
}

static void
say_waiting (FerryMoveStageJob *self)
{
  guint limit = minutes_of (self->limit_ms);
  guint elapsed = (guint) ((g_get_monotonic_time () - self->started) / (60 * G_USEC_PER_SEC));
  g_autofree char *detail = NULL;

  if (self->minutes_said == 0)
    detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Waiting for %s to show it; Ferry waits up to "
                                           "%u minute.",
                                           "Waiting for %s to show it; Ferry waits up to "
                                           "%u minutes.",
                                           limit),
                              watched_host (self), limit);
  else if (elapsed > self->minutes_said - 1)
    detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Still waiting for %s: %u of %u minute so far.",
                                           "Still waiting for %s: %u of %u minutes so far.",
                                           limit),
                              watched_host (self), elapsed, limit);
  if (detail == NULL)
    return;
  self->minutes_said = elapsed + 1;
  ferry_job_set_status (FERRY_JOB (self), detail);
  ferry_job_set_waiting (FERRY_JOB (self), self->ends, detail);
  ferry_move_set_stage (self->move, self->stage, FERRY_MOVE_STATUS_WAITING, detail);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(FerryMoveStageJob) self = user_data;

  /* A state that could not be kept is warned about, not a failure of the step. */
  g_task_propagate_boolean (G_TASK (result), NULL);
  finish (self, NULL);
}

/* The step shows: what was learnt is kept, then the run ends. */
static void
done (FerryMoveStageJob *self)
{
  ferry_job_set_running (FERRY_JOB (self));
  ferry_move_save_async (self->move, saved_cb, g_object_ref (self));
}

static void
polled_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  FerryMoveStageJob *self = user_data;
  FerryMove *move = self->move;
  g_autoptr(GError) error = NULL;
  gint64 waited_ms;

  if (self->stage == FERRY_MOVE_STAGE_ALIAS)
    {
      int seen = ferry_move_alias_seen_finish (move, result, &error);

      if (error == NULL)
        move->alias = seen;
    }
  else
    ferry_move_side_lookup_finish (move, result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      finish (self, g_steal_pointer (&error));
      return;
    }

  if (step_done (self))
    {
      ferry_move_note_moved (move, g_get_real_time () / G_USEC_PER_SEC);
      done (self);
      return;
    }
  if (self->stage == FERRY_MOVE_STAGE_ALIAS && move->alias < 0 && !move->alias_confirmed)
    {
      /* The server hides its actors from unsigned fetches: only the person can say. */
      finish (self, NULL);
      return;
    }

  /* A refusal that does not pass (signed out, forbidden, gone) is not waited out. */
  if (error != NULL && error->domain == FERRY_API_ERROR &&
      (error->code == FERRY_API_ERROR_AUTH || error->code == FERRY_API_ERROR_FORBIDDEN ||
       error->code == FERRY_API_ERROR_NOT_FOUND))
    self->refusals++;
  else
    self->refusals = 0;
  if (self->refusals >= REFUSALS_MAX)
    {
      /* The same error, its fields kept (status, the server's words), in other words. */
      g_autofree char *said = g_steal_pointer (&error->message);

      error->message = g_strdup_printf (_("Ferry stopped waiting: %s refused it %u times in a "
                                          "row (%s)."), watched_host (self), self->refusals,
                                        said);
      finish (self, g_steal_pointer (&error));
      return;
    }
  if (error != NULL)
    g_debug ("still waiting: %s", error->message);   /* the server may be busy; ask again */

  waited_ms = (g_get_monotonic_time () - self->started) / 1000;
  if (waited_ms >= self->limit_ms)
    {
      guint limit = minutes_of (self->limit_ms);

      finish (self, g_error_new (FERRY_MOVE_ERROR, FERRY_MOVE_ERROR_TIMED_OUT,
                                 self->handed_off
                                   ? g_dngettext (GETTEXT_PACKAGE,
                                                  "%s did not show the step within %u minute, "
                                                  "so Ferry stopped waiting. Nothing was undone: "
                                                  "once it is done on the page, run the step "
                                                  "again.",
                                                  "%s did not show the step within %u minutes, "
                                                  "so Ferry stopped waiting. Nothing was undone: "
                                                  "once it is done on the page, run the step "
                                                  "again.", limit)
                                   : g_dngettext (GETTEXT_PACKAGE,
                                                  "%s accepted the request but did not show it "
                                                  "within %u minute, so Ferry stopped waiting. "
                                                  "Run the step again later to see whether it "
                                                  "went through.",
                                                  "%s accepted the request but did not show it "
                                                  "within %u minutes, so Ferry stopped waiting. "
                                                  "Run the step again later to see whether it "
                                                  "went through.", limit),
                                 watched_host (self), limit));
      return;
    }
  say_waiting (self);
  poll_later (self);
}

static void
poll_once (FerryMoveStageJob *self)
{
  FerryMove *move = self->move;
  GCancellable *cancellable = cancellable_of (self);
  GError *error = NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, &error))
    {
      finish (self, error);
      return;
    }
  switch ((int) self->stage)
    {
    case FERRY_MOVE_STAGE_REDIRECT:
      ferry_move_side_lookup_async (move, move->target, cancellable, polled_cb, self);
      break;
    case FERRY_MOVE_STAGE_ALIAS:
      ferry_move_alias_seen_async (move, cancellable, polled_cb, self);
      break;
    default:
      ferry_move_side_lookup_async (move, move->origin, cancellable, polled_cb, self);
      break;
    }
}

/* When a cooldown ends by what Ferry saw: the last move it saw, plus the server's cooldown. */
static gint64
cooldown_ends (FerryMove *move)
{
  guint days = move->origin->info ? ferry_server_info_get_move_cooldown (move->origin->info) : 0;

  return move->moved_at > 0 && days > 0 ? move->moved_at + days * (gint64) 86400 : 0;
}

static GError *
as_refusal (FerryMoveStageJob *self,
            FerryMoveBackend  *backend,
            GError            *error)
{
  return ferry_move_error_new_refusal (backend, error, cooldown_ends (self->move));
}

static void
alias_added_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  FerryMoveStageJob *self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean verified = FALSE;

  if (!ferry_move_backend_add_alias_finish (FERRY_MOVE_BACKEND (object), result, &verified,
                                            &error))
    {
      finish (self, as_refusal (self, FERRY_MOVE_BACKEND (object), g_steal_pointer (&error)));
      return;
    }
  if (!verified)
    {
      poll_once (self);   /* sent: watched for until it shows */
      return;
    }
  self->move->alias = 1;
  done (self);
}

static void
moved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  FerryMoveStageJob *self = user_data;
  g_autoptr(GError) error = NULL;

  forget_password (self);   /* forgotten as soon as it is sent */
  if (!ferry_move_backend_move_finish (FERRY_MOVE_BACKEND (object), result, &error))
    {
      finish (self, as_refusal (self, FERRY_MOVE_BACKEND (object), g_steal_pointer (&error)));
      return;
    }
  poll_once (self);
}

static void
api_alias (FerryMoveStageJob *self)
{
  FerryMove *move = self->move;
  g_autofree char *storage = NULL;

  ferry_move_backend_add_alias_async (ferry_move_side_backend (move->target),
                                      ferry_move_side_uri (move->origin, &storage),
                                      move->origin->acct, cancellable_of (self),
                                      alias_added_cb, self);
}

static void
api_move (FerryMoveStageJob *self)
{
  FerryMove *move = self->move;
  g_autofree char *storage = NULL;

  ferry_move_backend_move_async (ferry_move_side_backend (move->origin),
                                 ferry_move_side_uri (move->target, &storage),
                                 move->target->acct, self->password,
                                 cancellable_of (self), moved_cb, self);
}

static void
ferry_move_stage_job_run_async (FerryJob            *job,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  FerryMoveStageJob *self = FERRY_MOVE_STAGE_JOB (job);
  FerryMove *move = self->move;
  FerryMoveStage stage = self->stage;
  g_autoptr(FerryMoveHandoff) handoff = NULL;

  self->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, ferry_move_stage_job_run_async);
  g_task_set_check_cancellable (self->task, FALSE);
  self->cancelled = g_cancellable_source_new (cancellable);
  g_source_set_callback (self->cancelled, (GSourceFunc) cancelled_cb, self, NULL);
  g_source_attach (self->cancelled, g_main_context_get_thread_default ());
  if (move->stage_jobs[stage] != NULL)
    g_object_remove_weak_pointer (G_OBJECT (move->stage_jobs[stage]),
                                  (gpointer *) &move->stage_jobs[stage]);
  move->stage_jobs[stage] = self;
  g_object_add_weak_pointer (G_OBJECT (self), (gpointer *) &move->stage_jobs[stage]);
  move->running[stage] = TRUE;

  if (stage == FERRY_MOVE_STAGE_REDIRECT && move->target->account != NULL &&
      ferry_account_get_moved_to (move->target->account) != NULL)
    {
      g_autofree char *refusal = ferry_move_redirect_refusal (move);

      if (refusal != NULL)
        {
          finish (self, g_error_new (FERRY_MOVE_ERROR, FERRY_MOVE_ERROR_UNSUPPORTED, "%s",
                                     refusal));
          return;
        }
    }
  if (stage == FERRY_MOVE_STAGE_MOVE && ferry_move_side_has_api (move->origin) &&
      (self->password == NULL || self->password[0] == '\0'))
    {
      finish (self, g_error_new (FERRY_MOVE_ERROR, FERRY_MOVE_ERROR_PASSWORD_NEEDED,
                                 _("The old server asks for the password of %s to move it."),
                                 move->origin->acct));
      return;
    }

  handoff = ferry_move_get_handoff (move, stage);
  self->handed_off = handoff != NULL;
  self->started = g_get_monotonic_time ();
  self->limit_ms = handoff != NULL ? move->wait_ms : MIN (move->wait_ms, API_WAIT_MS);
  self->ends = g_get_real_time () + (gint64) self->limit_ms * 1000;
  if (handoff != NULL)
    say_waiting (self);
  else
    {
      ferry_job_set_status (job, _("Sending…"));
      ferry_move_set_stage (move, stage, FERRY_MOVE_STATUS_WAITING, _("Sending…"));
    }
  if (stage == FERRY_MOVE_STAGE_ALIAS && ferry_move_side_has_api (move->target) && move->alias != 1)
    api_alias (self);
  else if (stage == FERRY_MOVE_STAGE_MOVE && ferry_move_side_has_api (move->origin) &&
           !ferry_move_origin_moved (move))
    api_move (self);
  else
    poll_once (self);
}

static gboolean
ferry_move_stage_job_run_finish (FerryJob      *job,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, job), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
ferry_move_stage_job_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  FerryMoveStageJob *self = FERRY_MOVE_STAGE_JOB (object);

  switch (prop_id)
    {
    case PROP_MOVE:
      g_value_set_object (value, self->move);
      break;
    case PROP_STAGE:
      g_value_set_int (value, self->stage);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_move_stage_job_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  FerryMoveStageJob *self = FERRY_MOVE_STAGE_JOB (object);

  switch (prop_id)
    {
    case PROP_MOVE:
      self->move = g_value_dup_object (value);
      break;
    case PROP_STAGE:
      self->stage = g_value_get_int (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_move_stage_job_dispose (GObject *object)
{
  FerryMoveStageJob *self = FERRY_MOVE_STAGE_JOB (object);

  /* A run holds the job (its task's source object): here it has ended. */
  clear_source (&self->timeout);
  clear_source (&self->cancelled);
  if (self->move != NULL && self->move->stage_jobs[self->stage] == self)
    {
      g_object_remove_weak_pointer (object, (gpointer *) &self->move->stage_jobs[self->stage]);
      self->move->stage_jobs[self->stage] = NULL;
    }
  g_clear_object (&self->move);

  G_OBJECT_CLASS (ferry_move_stage_job_parent_class)->dispose (object);
}

static void
ferry_move_stage_job_finalize (GObject *object)
{
  forget_password (FERRY_MOVE_STAGE_JOB (object));

  G_OBJECT_CLASS (ferry_move_stage_job_parent_class)->finalize (object);
}

static void
ferry_move_stage_job_class_init (FerryMoveStageJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  FerryJobClass *job_class = FERRY_JOB_CLASS (klass);

  object_class->dispose = ferry_move_stage_job_dispose;
  object_class->finalize = ferry_move_stage_job_finalize;
  object_class->get_property = ferry_move_stage_job_get_property;
  object_class->set_property = ferry_move_stage_job_set_property;
  job_class->run_async = ferry_move_stage_job_run_async;
  job_class->run_finish = ferry_move_stage_job_run_finish;

  properties[PROP_MOVE] =
    g_param_spec_object ("move", NULL, NULL, FERRY_TYPE_MOVE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* A FerryMoveStage (not a registered enum type). */
  properties[PROP_STAGE] =
    g_param_spec_int ("stage", NULL, NULL, 0, FERRY_MOVE_N_STAGES - 1, FERRY_MOVE_STAGE_ALIAS,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ferry_move_stage_job_init (FerryMoveStageJob *self)
{
}

/**
 * ferry_move_stage_job_new:
 * @stage: %FERRY_MOVE_STAGE_REDIRECT, %FERRY_MOVE_STAGE_ALIAS or %FERRY_MOVE_STAGE_MOVE
 * @password: (nullable): the origin's password, for a move through the API; never kept
 *   beyond the run (wiped once sent)
 *
 * Run it with ferry_job_run_async(): it does the step through the server's API where it
 * has one and reads it back; otherwise (after the caller opened ferry_move_get_handoff()'s
 * page) it watches the servers until the step shows, in %FERRY_JOB_STATE_WAITING until the
 * wait limit (ferry_move_set_wait_limit()), then fails with %FERRY_MOVE_ERROR_TIMED_OUT; or
 * after the same refusal three times in a row. A move back to an account whose server
 * cannot cancel its redirect fails at once with %FERRY_MOVE_ERROR_UNSUPPORTED, saying why;
 * a move through the API with no password with %FERRY_MOVE_ERROR_PASSWORD_NEEDED. A refusal
 * is a %FERRY_MOVE_ERROR whose code the server's family decided (ferry-move-error.h). An
 * alias the server will not show ends with %FERRY_MOVE_STATUS_UNSURE:
 * ferry_move_confirm_alias() is for the person.
 */
FerryMoveStageJob *
ferry_move_stage_job_new (FerryMove      *move,
                          FerryMoveStage  stage,
                          const char     *password)
{
  FerryMoveStageJob *self;

  g_return_val_if_fail (FERRY_IS_MOVE (move), NULL);
  g_return_val_if_fail (stage == FERRY_MOVE_STAGE_REDIRECT || stage == FERRY_MOVE_STAGE_ALIAS ||
                        stage == FERRY_MOVE_STAGE_MOVE, NULL);

  self = g_object_new (FERRY_TYPE_MOVE_STAGE_JOB, "move", move, "stage", (int) stage, NULL);
  self->password = g_strdup (password);
  return self;
}

FerryMove *
ferry_move_stage_job_get_move (FerryMoveStageJob *self)
{
  g_return_val_if_fail (FERRY_IS_MOVE_STAGE_JOB (self), NULL);

  return self->move;
}

FerryMoveStage
ferry_move_stage_job_get_stage (FerryMoveStageJob *self)
{
  g_return_val_if_fail (FERRY_IS_MOVE_STAGE_JOB (self), FERRY_MOVE_STAGE_ALIAS);

  return self->stage;
}

/**
 * ferry_move_get_stage_job:
 *
 * Returns: (transfer none) (nullable): the last job run for @stage (it may have ended),
 *   while something holds it; %NULL when none
 */
FerryMoveStageJob *
ferry_move_get_stage_job (FerryMove      *move,
                          FerryMoveStage  stage)
{
  g_return_val_if_fail (FERRY_IS_MOVE (move), NULL);
  g_return_val_if_fail (stage < FERRY_MOVE_N_STAGES, NULL);

  return move->stage_jobs[stage];
}

/* ferry_move_run_stage_async(): the step's job, run for a caller that does not keep it. */

static void
stage_job_ran_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!ferry_job_run_finish (FERRY_JOB (object), result, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * ferry_move_run_stage_async:
 * @stage: %FERRY_MOVE_STAGE_REDIRECT, %FERRY_MOVE_STAGE_ALIAS or %FERRY_MOVE_STAGE_MOVE
 * @password: (nullable): the origin's password, for a move through the API; never kept
 *
 * Runs a #FerryMoveStageJob for @stage (ferry_move_stage_job_new() says what it does) and
 * ends with it. Cancel @cancellable to stop waiting sooner. Observers find the job with
 * ferry_move_get_stage_job() while it runs.
 */
void
ferry_move_run_stage_async (FerryMove           *self,
                            FerryMoveStage       stage,
                            const char          *password,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(FerryMoveStageJob) job = NULL;
  GTask *task;

  g_return_if_fail (FERRY_IS_MOVE (self));
  g_return_if_fail (stage == FERRY_MOVE_STAGE_REDIRECT || stage == FERRY_MOVE_STAGE_ALIAS ||
                    stage == FERRY_MOVE_STAGE_MOVE);

  job = ferry_move_stage_job_new (self, stage, password);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_move_run_stage_async);
  g_task_set_task_data (task, g_object_ref (job), g_object_unref);
  ferry_job_run_async (FERRY_JOB (job), cancellable, stage_job_ran_cb, task);
}

gboolean
ferry_move_run_stage_finish (FerryMove     *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
