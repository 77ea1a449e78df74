/* ferry-job.c: the base of every long-running thing Ferry does
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A job runs once: idle → running (↔ paused, ↔ waiting) → finished, failed or cancelled. It
 * owns one cancellable, chained to the caller's, so that whatever the job starts is cancelled
 * by either. The first failure recorded wins. Progress (counts, fraction, status, eta, and
 * those of the parts) is notified through the job's one FerryJobThrottle, at most every
 * FERRY_JOB_NOTIFY_INTERVAL_MS, coalesced; every change of state flushes what is pending
 * first, so an observer always sees the last values. Pausing stops nothing that is in flight:
 * subclasses park what would start next with ferry_job_when_running().
 */

#define G_LOG_DOMAIN "ferry-job"

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-core-enums.h"
#include "ferry-job-private.h"
#include "ferry-job-throttle.h"

typedef struct
{
  FerryJobContinuation func;
  gpointer             user_data;
} Parked;

typedef struct
{
  char          *id;
  FerryJobState  state;
  double         fraction;
  gint64         done;
  gint64         total;
  char          *status;
  gint64         eta;
  gint64         waiting_until;   /* real time, µs; 0 when not waiting */
  char          *waiting_reason;
  GListStore    *parts;           /* owned: FerryJobPart */
  GError        *error;           /* owned: the first failure */
  GCancellable  *cancellable;     /* owned: the job's own */
  gulong         cancelled_id;
  GCancellable  *caller;          /* owned while running */
  gulong         caller_id;
  GTask         *task;            /* owned while running */
  GQueue         parked;          /* Parked*, waiting for a resume */
  GMainContext  *context;         /* owned: where the job runs */
  FerryJobThrottle *throttle;     /* owned: the progress notifications */
  GSource       *cancel_source;   /* owned */
} FerryJobPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (FerryJob, ferry_job, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_STATE,
  PROP_FRACTION,
  PROP_DONE,
  PROP_TOTAL,
  PROP_STATUS,
  PROP_ETA,
  PROP_WAITING_UNTIL,
  PROP_WAITING_REASON,
  PROP_PARTS,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A part's counts changed: they are notified with the job's next batch. */
void
_ferry_job_queue_notify (FerryJob *self)
{
  FerryJobPrivate *priv = ferry_job_get_instance_private (self);

  ferry_job_throttle_queue (priv->throttle, NULL);
}

static void
queue_notify (FerryJob *self,
              guint     prop)
{
  FerryJobPrivate *priv = ferry_job_get_instance_private (self);

  ferry_job_throttle_queue (priv->throttle, properties[prop]);
}

/* After each batch: the parts' counts. */
static void
flush_parts (gpointer user_data)
{
  FerryJob *self = user_data;
  FerryJobPrivate *priv = ferry_job_get_instance_private (self);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (priv->parts));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FerryJobPart) part = g_list_model_get_item (G_LIST_MODEL (priv->parts), i);

      _ferry_job_part_flush (part);
    }
}

static void
clear_source (GSource **source)
{
  if (*source == NULL)
    return;
  g_source_destroy (*source);
  g_clear_pointer (source, g_source_unref);
}

static void
set_state (FerryJob      *self,
           FerryJobState  state)
{
  FerryJobPrivate *priv = ferry_job_get_instance_private (self);

  if (priv->state == state)
    return;
  /* The last progress comes before the new state. */
  ferry_job_flush_notify (self);
  priv->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
clear_waiting (FerryJob *self)
{
  FerryJobPrivate *priv = ferry_job_get_instance_private (self);

  if (priv->waiting_until != 0)
    {
      priv->waiting_until = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WAITING_UNTIL]);
    }
  if (priv->waiting_reason != NULL)
    {
      g_clear_pointer (&priv->waiting_reason, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WAITING_REASON]);
    }
}

/* Runs what was parked, in order, until the job is paused again. */
static void
drain_parked (FerryJob *self)
{
  FerryJobPrivate *priv = ferry_job_get_instance_private (self);
  g_autoptr(FerryJob) hold = g_object_ref (self);

  while (!g_queue_is_empty (&priv->parked) &&
         (priv->state != FERRY_JOB_STATE_PAUSED || ferry_job_is_cancelled (self)))
    {
      g_autofree Parked *p = g_queue_pop_head (&priv->parked);

      p->func (self, p->user_data);
    }
}

static gboolean
cancelled_idle (gpointer user_data)
{
  FerryJob *self = user_data;
  FerryJobPrivate *priv = ferry_job_get_instance_private (self);

  g_clear_pointer (&priv->cancel_source, g_source_unref);
  /* What was parked would wait for a resume that never comes. */
  drain_parked (self);
  return G_SOURCE_REMOVE;
}

static void
own_cancelled_cb (GCancellable *cancellable,
                  gpointer      user_data)
{
  FerryJob *self = user_data;
  FerryJobPrivate *priv = ferry_job_get_instance_private (self);
  GSource *source;

  /* Any thread may cancel; the job lives on its context. */
  source = g_idle_source_new ();
  g_source_set_callback (source, cancelled_idle, g_object_ref (self), g_object_unref);
  g_source_set_static_name (source, "[ferry] job cancelled");
  g_source_attach (source, priv->context);
  g_clear_pointer (&priv->cancel_source, g_source_unref);
  priv->cancel_source = source;
}

static void
caller_cancelled_cb (GCancellable *caller,
                     GCancellable *own)
{
  g_cancellable_cancel (own);
}

static void
run_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  FerryJob *self = FERRY_JOB (object);
  FerryJobPrivate *priv = ferry_job_get_instance_private (self);
  g_autoptr(GTask) task = g_steal_pointer (&priv->task);
  g_autoptr(GError) error = NULL;

  g_assert (task != NULL);

  if (!FERRY_JOB_GET_CLASS (self)->run_finish (self, result, &error) && error == NULL)
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_FAILED,
                         _("The job stopped for a reason not known."));
  if (priv->error != NULL)
    {
      g_clear_error (&error);
      error = g_error_copy (priv->error);
    }
  else if (error != NULL && g_cancellable_is_cancelled (priv->cancellable))
    {
      /* What broke after a stop (a connection closed under a request) is the stop's doing. */
      g_clear_error (&error);
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Stopped."));
    }
  else if (error != NULL)
    ferry_job_fail (self, error);

  if (priv->caller_id != 0)
    g_cancellable_disconnect (priv->caller, priv->caller_id);
  priv->caller_id = 0;
  g_clear_object (&priv->caller);
  if (!g_queue_is_empty (&priv->parked))
    g_critical ("%s ended with continuations parked", G_OBJECT_TYPE_NAME (self));
  g_queue_clear_full (&priv->parked, g_free);

  clear_waiting (self);
  if (error == NULL)
    set_state (self, FERRY_JOB_STATE_FINISHED);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    set_state (self, FERRY_JOB_STATE_CANCELLED);
  else
    set_state (self, FERRY_JOB_STATE_FAILED);

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
ferry_job_dispose (GObject *object)
{
  FerryJob *self = FERRY_JOB (object);
  FerryJobPrivate *priv = ferry_job_get_instance_private (self);

  g_assert (priv->task == NULL);
  ferry_job_throttle_stop (priv->throttle);
  clear_source (&priv->cancel_source);
  if (priv->cancelled_id != 0)
    g_cancellable_disconnect (priv->cancellable, priv->cancelled_id);
  priv->cancelled_id = 0;
  g_queue_clear_full (&priv->parked, g_free);
  /* Parts may outlive the job (a view holds them): from now on they notify at once. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (priv->parts)); i++)
    {
      g_autoptr(FerryJobPart) part = g_list_model_get_item (G_LIST_MODEL (priv->parts), i);

      _ferry_job_part_attach (part, NULL);
    }

  G_OBJECT_CLASS (ferry_job_parent_class)->dispose (object);
}

static void
ferry_job_finalize (GObject *object)
{
  FerryJob *self = FERRY_JOB (object);
  FerryJobPrivate *priv = ferry_job_get_instance_private (self);

  g_free (priv->id);
  g_free (priv->status);
  g_free (priv->waiting_reason);
  g_clear_object (&priv->parts);
  g_clear_error (&priv->error);
  g_clear_object (&priv->cancellable);
  g_clear_object (&priv->throttle);
  g_clear_pointer (&priv->context, g_main_context_unref);

  G_OBJECT_CLASS (ferry_job_parent_class)->finalize (object);
}

static void
ferry_job_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  FerryJob *self = FERRY_JOB (object);
  FerryJobPrivate *priv = ferry_job_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, priv->id);
      break;

    case PROP_STATE:
      g_value_set_enum (value, priv->state);
      break;

    case PROP_FRACTION:
      g_value_set_double (value, priv->fraction);
      break;

    case PROP_DONE:
      g_value_set_int64 (value, priv->done);
      break;

    case PROP_TOTAL:
      g_value_set_int64 (value, priv->total);
      break;

    case PROP_STATUS:
      g_value_set_string (value, priv->status);
      break;

    case PROP_ETA:
      g_value_set_int64 (value, priv->eta);
      break;

    case PROP_WAITING_UNTIL:
      g_value_set_int64 (value, priv->waiting_until);
      break;

    case PROP_WAITING_REASON:
      g_value_set_string (value, priv->waiting_reason);
      break;

    case PROP_PARTS:
      g_value_set_object (value, priv->parts);
      break;

    case PROP_ERROR:
      g_value_set_boxed (value, priv->error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_job_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  FerryJob *self = FERRY_JOB (object);
  FerryJobPrivate *priv = ferry_job_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      priv->id = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_job_class_init (FerryJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = ferry_job_dispose;
  object_class->finalize = ferry_job_finalize;
  object_class->get_property = ferry_job_get_property;
  object_class->set_property = ferry_job_set_property;

  /* What a #FerryJobManager finds it by, with its type (a folder, an account, …). */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, FERRY_TYPE_JOB_STATE, FERRY_JOB_STATE_IDLE, ro);
  properties[PROP_FRACTION] = g_param_spec_double ("fraction", NULL, NULL, 0, 1, 0, ro);
  properties[PROP_DONE] = g_param_spec_int64 ("done", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_TOTAL] = g_param_spec_int64 ("total", NULL, NULL, -1, G_MAXINT64, -1, ro);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, ro);
  properties[PROP_ETA] = g_param_spec_int64 ("eta", NULL, NULL, -1, G_MAXINT64, -1, ro);
  properties[PROP_WAITING_UNTIL] =
    g_param_spec_int64 ("waiting-until", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_WAITING_REASON] = g_param_spec_string ("waiting-reason", NULL, NULL, NULL, ro);
  properties[PROP_PARTS] =
    g_param_spec_object ("parts", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_ERROR] = g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ferry_job_init (FerryJob *self)
{
  FerryJobPrivate *priv = ferry_job_get_instance_private (self);

  priv->total = -1;
  priv->eta = -1;
  priv->parts = g_list_store_new (FERRY_TYPE_JOB_PART);
  priv->cancellable = g_cancellable_new ();
  priv->context = g_main_context_ref_thread_default ();
  priv->throttle = ferry_job_throttle_new (G_OBJECT (self), FERRY_JOB_NOTIFY_INTERVAL_MS,
                                           flush_parts, self);
  g_queue_init (&priv->parked);
}

/* Public API */

const char *
ferry_job_get_id (FerryJob *self)
{
  FerryJobPrivate *priv;

  g_return_val_if_fail (FERRY_IS_JOB (self), NULL);

  priv = ferry_job_get_instance_private (self);
  return priv->id;
}

FerryJobState
ferry_job_get_state (FerryJob *self)
{
  FerryJobPrivate *priv;

  g_return_val_if_fail (FERRY_IS_JOB (self), FERRY_JOB_STATE_IDLE);

  priv = ferry_job_get_instance_private (self);
  return priv->state;
}

/* Whether it was started and has not ended: running, paused or waiting. */
gboolean
ferry_job_is_active (FerryJob *self)
{
  FerryJobState state = ferry_job_get_state (self);

  return state == FERRY_JOB_STATE_RUNNING || state == FERRY_JOB_STATE_PAUSED ||
         state == FERRY_JOB_STATE_WAITING;
}

gboolean
ferry_job_is_ended (FerryJob *self)
{
  FerryJobState state = ferry_job_get_state (self);

  return state == FERRY_JOB_STATE_FINISHED || state == FERRY_JOB_STATE_FAILED ||
         state == FERRY_JOB_STATE_CANCELLED;
}

gboolean
ferry_job_is_paused (FerryJob *self)
{
  return ferry_job_get_state (self) == FERRY_JOB_STATE_PAUSED;
}

double
ferry_job_get_fraction (FerryJob *self)
{
  FerryJobPrivate *priv;

  g_return_val_if_fail (FERRY_IS_JOB (self), 0);

  priv = ferry_job_get_instance_private (self);
  return priv->fraction;
}

gint64
ferry_job_get_done (FerryJob *self)
{
  FerryJobPrivate *priv;

  g_return_val_if_fail (FERRY_IS_JOB (self), 0);

  priv = ferry_job_get_instance_private (self);
  return priv->done;
}

/* -1 while not known. */
gint64
ferry_job_get_total (FerryJob *self)
{
  FerryJobPrivate *priv;

  g_return_val_if_fail (FERRY_IS_JOB (self), -1);

  priv = ferry_job_get_instance_private (self);
  return priv->total;
}

/* Returns: (nullable): what it is doing, a sentence */
const char *
ferry_job_get_status (FerryJob *self)
{
  FerryJobPrivate *priv;

  g_return_val_if_fail (FERRY_IS_JOB (self), NULL);

  priv = ferry_job_get_instance_private (self);
  return priv->status;
}

/* Returns: seconds left, or -1 when that cannot be said */
gint64
ferry_job_get_eta (FerryJob *self)
{
  FerryJobPrivate *priv;

  g_return_val_if_fail (FERRY_IS_JOB (self), -1);

  priv = ferry_job_get_instance_private (self);
  return priv->eta;
}

/* Returns: the real time (µs, as g_get_real_time()) the job waits until, or 0 */
gint64
ferry_job_get_waiting_until (FerryJob *self)
{
  FerryJobPrivate *priv;

  g_return_val_if_fail (FERRY_IS_JOB (self), 0);

  priv = ferry_job_get_instance_private (self);
  return priv->waiting_until;
}

/* Returns: (nullable): why it waits, a sentence */
const char *
ferry_job_get_waiting_reason (FerryJob *self)
{
  FerryJobPrivate *priv;

  g_return_val_if_fail (FERRY_IS_JOB (self), NULL);

  priv = ferry_job_get_instance_private (self);
  return priv->waiting_reason;
}

/* Returns: (transfer none): the job's #FerryJobPart, in order */
GListModel *
ferry_job_get_parts (FerryJob *self)
{
  FerryJobPrivate *priv;

  g_return_val_if_fail (FERRY_IS_JOB (self), NULL);

  priv = ferry_job_get_instance_private (self);
  return G_LIST_MODEL (priv->parts);
}

/* Returns: (nullable): the first failure */
const GError *
ferry_job_get_error (FerryJob *self)
{
  FerryJobPrivate *priv;

  g_return_val_if_fail (FERRY_IS_JOB (self), NULL);

  priv = ferry_job_get_instance_private (self);
  return priv->error;
}

/* Returns: (transfer none): the job's own cancellable: pass it to everything the job starts */
GCancellable *
ferry_job_get_cancellable (FerryJob *self)
{
  FerryJobPrivate *priv;

  g_return_val_if_fail (FERRY_IS_JOB (self), NULL);

  priv = ferry_job_get_instance_private (self);
  return priv->cancellable;
}

gboolean
ferry_job_is_cancelled (FerryJob *self)
{
  return g_cancellable_is_cancelled (ferry_job_get_cancellable (self));
}

/**
 * ferry_job_run_async:
 * @cancellable: (nullable): cancels the job too
 *
 * Runs the job; once only.
 */
void
ferry_job_run_async (FerryJob            *self,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  FerryJobPrivate *priv;

  g_return_if_fail (FERRY_IS_JOB (self));
  g_return_if_fail (FERRY_JOB_GET_CLASS (self)->run_async != NULL);
  priv = ferry_job_get_instance_private (self);
  g_return_if_fail (priv->state == FERRY_JOB_STATE_IDLE);
  g_return_if_fail (priv->task == NULL);

  priv->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (priv->task, ferry_job_run_async);
  /* The result is the job's, whoever cancelled it. */
  g_task_set_check_cancellable (priv->task, FALSE);

  g_clear_pointer (&priv->context, g_main_context_unref);
  priv->context = g_main_context_ref_thread_default ();
  priv->cancelled_id = g_cancellable_connect (priv->cancellable, G_CALLBACK (own_cancelled_cb),
                                              self, NULL);
  if (cancellable != NULL)
    {
      priv->caller = g_object_ref (cancellable);
      priv->caller_id = g_cancellable_connect (cancellable, G_CALLBACK (caller_cancelled_cb),
                                               g_object_ref (priv->cancellable), g_object_unref);
    }
  set_state (self, FERRY_JOB_STATE_RUNNING);
  FERRY_JOB_GET_CLASS (self)->run_async (self, priv->cancellable, run_cb, NULL);
}

gboolean
ferry_job_run_finish (FerryJob      *self,
                      GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ferry_job_run_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Nothing new starts (what the subclass parks with ferry_job_when_running()); what is in
 * flight finishes. */
void
ferry_job_pause (FerryJob *self)
{
  FerryJobPrivate *priv;

  g_return_if_fail (FERRY_IS_JOB (self));

  priv = ferry_job_get_instance_private (self);
  if (priv->state != FERRY_JOB_STATE_RUNNING && priv->state != FERRY_JOB_STATE_WAITING)
    return;
  set_state (self, FERRY_JOB_STATE_PAUSED);
}

void
ferry_job_resume (FerryJob *self)
{
  FerryJobPrivate *priv;

  g_return_if_fail (FERRY_IS_JOB (self));

  priv = ferry_job_get_instance_private (self);
  if (priv->state != FERRY_JOB_STATE_PAUSED)
    return;
  if (priv->waiting_until > g_get_real_time ())
    set_state (self, FERRY_JOB_STATE_WAITING);
  else
    {
      clear_waiting (self);
      set_state (self, FERRY_JOB_STATE_RUNNING);
    }
  drain_parked (self);
}

void
ferry_job_cancel (FerryJob *self)
{
  g_return_if_fail (FERRY_IS_JOB (self));

  g_cancellable_cancel (ferry_job_get_cancellable (self));
}

/**
 * ferry_job_set_progress:
 * @total: -1 when not known
 *
 * Sets the counts, and the fraction from them when @total is known.
 */
void
ferry_job_set_progress (FerryJob *self,
                        gint64    done,
                        gint64    total)
{
  FerryJobPrivate *priv;

  g_return_if_fail (FERRY_IS_JOB (self));
  g_return_if_fail (done >= 0 && total >= -1);

  priv = ferry_job_get_instance_private (self);
  if (done != priv->done)
    {
      priv->done = done;
      queue_notify (self, PROP_DONE);
    }
  if (total != priv->total)
    {
      priv->total = total;
      queue_notify (self, PROP_TOTAL);
    }
  if (total > 0)
    ferry_job_set_fraction (self, (double) done / total);
}

void
ferry_job_set_fraction (FerryJob *self,
                        double    fraction)
{
  FerryJobPrivate *priv;

  g_return_if_fail (FERRY_IS_JOB (self));

  priv = ferry_job_get_instance_private (self);
  fraction = CLAMP (fraction, 0, 1);
  if (fraction == priv->fraction)
    return;
  priv->fraction = fraction;
  queue_notify (self, PROP_FRACTION);
}

void
ferry_job_set_status (FerryJob   *self,
                      const char *status)
{
  FerryJobPrivate *priv;

  g_return_if_fail (FERRY_IS_JOB (self));

  priv = ferry_job_get_instance_private (self);
  if (g_strcmp0 (status, priv->status) == 0)
    return;
  g_free (priv->status);
  priv->status = g_strdup (status);
  queue_notify (self, PROP_STATUS);
}

/* @seconds: left, or -1 when not known */
void
ferry_job_set_eta (FerryJob *self,
                   gint64    seconds)
{
  FerryJobPrivate *priv;

  g_return_if_fail (FERRY_IS_JOB (self));

  priv = ferry_job_get_instance_private (self);
  seconds = MAX (seconds, -1);
  if (seconds == priv->eta)
    return;
  priv->eta = seconds;
  queue_notify (self, PROP_ETA);
}

/**
 * ferry_job_set_waiting:
 * @until: the real time (µs, as g_get_real_time()) it waits until
 * @reason: why, a sentence a person understands
 *
 * The running job waits (for a server's limit, …); ferry_job_set_running() when it goes on.
 * A paused job stays paused, and waits once resumed if @until is still ahead.
 */
void
ferry_job_set_waiting (FerryJob   *self,
                       gint64      until,
                       const char *reason)
{
  FerryJobPrivate *priv;

  g_return_if_fail (FERRY_IS_JOB (self));
  g_return_if_fail (until > 0);

  priv = ferry_job_get_instance_private (self);
  if (until != priv->waiting_until)
    {
      priv->waiting_until = until;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WAITING_UNTIL]);
    }
  if (g_strcmp0 (reason, priv->waiting_reason) != 0)
    {
      g_free (priv->waiting_reason);
      priv->waiting_reason = g_strdup (reason);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WAITING_REASON]);
    }
  if (priv->state == FERRY_JOB_STATE_RUNNING)
    set_state (self, FERRY_JOB_STATE_WAITING);
}

/* The wait is over. */
void
ferry_job_set_running (FerryJob *self)
{
  FerryJobPrivate *priv;

  g_return_if_fail (FERRY_IS_JOB (self));

  priv = ferry_job_get_instance_private (self);
  if (priv->state == FERRY_JOB_STATE_WAITING)
    set_state (self, FERRY_JOB_STATE_RUNNING);
  if (priv->state == FERRY_JOB_STATE_RUNNING || priv->state == FERRY_JOB_STATE_PAUSED)
    clear_waiting (self);
}

/**
 * ferry_job_fail:
 * @error: a failure (a cancellation is not one: the cancellable says it)
 *
 * Records why the job failed; the job goes on until its subclass ends it, and then fails with
 * the first failure recorded, whatever came after.
 *
 * Returns: whether @error was the first
 */
gboolean
ferry_job_fail (FerryJob     *self,
                const GError *error)
{
  FerryJobPrivate *priv;

  g_return_val_if_fail (FERRY_IS_JOB (self), FALSE);
  g_return_val_if_fail (error != NULL, FALSE);

  priv = ferry_job_get_instance_private (self);
  /* After a stop, errors are its consequences: the job ends cancelled, not failed. */
  if (priv->error != NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_cancellable_is_cancelled (priv->cancellable))
    return FALSE;
  priv->error = g_error_copy (error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
  return TRUE;
}

/* Adds @part to ferry_job_get_parts(); its counts are notified through the job's throttle. */
void
ferry_job_add_part (FerryJob     *self,
                    FerryJobPart *part)
{
  FerryJobPrivate *priv;

  g_return_if_fail (FERRY_IS_JOB (self));
  g_return_if_fail (FERRY_IS_JOB_PART (part));

  priv = ferry_job_get_instance_private (self);
  _ferry_job_part_attach (part, self);
  g_list_store_append (priv->parts, part);
}

/**
 * ferry_job_when_running:
 *
 * Calls @func now, unless the job is paused: then once it is resumed, in the order parked,
 * or once it is cancelled (@func checks ferry_job_is_cancelled()).
 */
void
ferry_job_when_running (FerryJob             *self,
                        FerryJobContinuation  func,
                        gpointer              user_data)
{
  FerryJobPrivate *priv;
  Parked *p;

  g_return_if_fail (FERRY_IS_JOB (self));
  g_return_if_fail (func != NULL);

  priv = ferry_job_get_instance_private (self);
  if (priv->state != FERRY_JOB_STATE_PAUSED || ferry_job_is_cancelled (self))
    {
      func (self, user_data);
      return;
    }
  p = g_new0 (Parked, 1);
  p->func = func;
  p->user_data = user_data;
  g_queue_push_tail (&priv->parked, p);
}

/* Notifies the progress that is pending now, throttle or not. */
void
ferry_job_flush_notify (FerryJob *self)
{
  FerryJobPrivate *priv;

  g_return_if_fail (FERRY_IS_JOB (self));

  priv = ferry_job_get_instance_private (self);
  ferry_job_throttle_flush (priv->throttle);
}
