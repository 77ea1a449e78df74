/* ferry-job-part.c: one part of a job (a kind of thing a backup saves, …), and how far it is
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Its state notifies at once; its counts through the job's throttle once the part is in a job
 * (ferry_job_add_part()), so that a burst of updates is a few notifications a second.
 */

#define G_LOG_DOMAIN "ferry-job-part"

#include "config.h"

#include "ferry-job-private.h"

typedef struct
{
  FerryJob       *job;         /* unowned: the job owns its parts */
  char           *id;
  char           *title;
  char           *detail;
  FerryStepState  state;
  gint64          done;
  gint64          total;       /* -1: not known yet */
  gint64          started_at;  /* monotonic µs when this run began */
  gint64          done_at_start;
  gboolean        counts_dirty;
} FerryJobPartPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (FerryJobPart, ferry_job_part, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_STATE,
  PROP_DONE,
  PROP_TOTAL,
  PROP_DETAIL,
  PROP_RATE,
  PROP_SECONDS_LEFT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
notify_counts (FerryJobPart *self)
{
  FerryJobPartPrivate *priv = ferry_job_part_get_instance_private (self);

  priv->counts_dirty = FALSE;
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RATE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECONDS_LEFT]);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
counts_changed (FerryJobPart *self)
{
  FerryJobPartPrivate *priv = ferry_job_part_get_instance_private (self);

  if (priv->job == NULL)
    {
      notify_counts (self);
      return;
    }
  priv->counts_dirty = TRUE;
  _ferry_job_queue_notify (priv->job);
}

void
_ferry_job_part_attach (FerryJobPart *self,
                        FerryJob     *job)
{
  FerryJobPartPrivate *priv = ferry_job_part_get_instance_private (self);

  g_return_if_fail (priv->job == NULL || job == NULL);
  if (job == NULL)
    _ferry_job_part_flush (self);
  priv->job = job;
}

void
_ferry_job_part_flush (FerryJobPart *self)
{
  FerryJobPartPrivate *priv = ferry_job_part_get_instance_private (self);

  if (priv->counts_dirty)
    notify_counts (self);
}

static void
ferry_job_part_finalize (GObject *object)
{
  FerryJobPart *self = FERRY_JOB_PART (object);
  FerryJobPartPrivate *priv = ferry_job_part_get_instance_private (self);

  g_free (priv->id);
  g_free (priv->title);
  g_free (priv->detail);

  G_OBJECT_CLASS (ferry_job_part_parent_class)->finalize (object);
}

static void
ferry_job_part_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  FerryJobPart *self = FERRY_JOB_PART (object);
  FerryJobPartPrivate *priv = ferry_job_part_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, priv->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, priv->title);
      break;

    case PROP_STATE:
      g_value_set_enum (value, priv->state);
      break;

    case PROP_DONE:
      g_value_set_int64 (value, priv->done);
      break;

    case PROP_TOTAL:
      g_value_set_int64 (value, priv->total);
      break;

    case PROP_DETAIL:
      g_value_set_string (value, priv->detail);
      break;

    case PROP_RATE:
      g_value_set_double (value, ferry_job_part_get_rate (self));
      break;

    case PROP_SECONDS_LEFT:
      g_value_set_int64 (value, ferry_job_part_get_seconds_left (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_job_part_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  FerryJobPart *self = FERRY_JOB_PART (object);
  FerryJobPartPrivate *priv = ferry_job_part_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      priv->id = g_value_dup_string (value);
      break;

    case PROP_TITLE:
      priv->title = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_job_part_class_init (FerryJobPartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags co = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ferry_job_part_finalize;
  object_class->get_property = ferry_job_part_get_property;
  object_class->set_property = ferry_job_part_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, co);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, co);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, FERRY_TYPE_STEP_STATE, FERRY_STEP_STATE_PENDING, ro);
  properties[PROP_DONE] = g_param_spec_int64 ("done", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_TOTAL] = g_param_spec_int64 ("total", NULL, NULL, -1, G_MAXINT64, -1, ro);
  properties[PROP_DETAIL] = g_param_spec_string ("detail", NULL, NULL, NULL, ro);
  properties[PROP_RATE] = g_param_spec_double ("rate", NULL, NULL, 0, G_MAXDOUBLE, 0, ro);
  properties[PROP_SECONDS_LEFT] =
    g_param_spec_int64 ("seconds-left", NULL, NULL, -1, G_MAXINT64, -1, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ferry_job_part_init (FerryJobPart *self)
{
  FerryJobPartPrivate *priv = ferry_job_part_get_instance_private (self);

  priv->total = -1;
}

FerryJobPart *
ferry_job_part_new (const char *id,
                    const char *title)
{
  return g_object_new (FERRY_TYPE_JOB_PART, "id", id, "title", title, NULL);
}

const char *
ferry_job_part_get_id (FerryJobPart *self)
{
  FerryJobPartPrivate *priv;

  g_return_val_if_fail (FERRY_IS_JOB_PART (self), NULL);

  priv = ferry_job_part_get_instance_private (self);
  return priv->id;
}

const char *
ferry_job_part_get_title (FerryJobPart *self)
{
  FerryJobPartPrivate *priv;

  g_return_val_if_fail (FERRY_IS_JOB_PART (self), NULL);

  priv = ferry_job_part_get_instance_private (self);
  return priv->title;
}

FerryStepState
ferry_job_part_get_state (FerryJobPart *self)
{
  FerryJobPartPrivate *priv;

  g_return_val_if_fail (FERRY_IS_JOB_PART (self), FERRY_STEP_STATE_PENDING);

  priv = ferry_job_part_get_instance_private (self);
  return priv->state;
}

gint64
ferry_job_part_get_done (FerryJobPart *self)
{
  FerryJobPartPrivate *priv;

  g_return_val_if_fail (FERRY_IS_JOB_PART (self), 0);

  priv = ferry_job_part_get_instance_private (self);
  return priv->done;
}

/* -1 while not known. */
gint64
ferry_job_part_get_total (FerryJobPart *self)
{
  FerryJobPartPrivate *priv;

  g_return_val_if_fail (FERRY_IS_JOB_PART (self), -1);

  priv = ferry_job_part_get_instance_private (self);
  return priv->total;
}

/* Why it was skipped or failed, or what it is doing; %NULL when nothing to say. */
const char *
ferry_job_part_get_detail (FerryJobPart *self)
{
  FerryJobPartPrivate *priv;

  g_return_val_if_fail (FERRY_IS_JOB_PART (self), NULL);

  priv = ferry_job_part_get_instance_private (self);
  return priv->detail;
}

/**
 * ferry_job_part_get_rate:
 *
 * Returns: items per second in this run so far; 0 until there is something to measure
 */
double
ferry_job_part_get_rate (FerryJobPart *self)
{
  FerryJobPartPrivate *priv;
  double elapsed;

  g_return_val_if_fail (FERRY_IS_JOB_PART (self), 0);

  priv = ferry_job_part_get_instance_private (self);
  if (priv->started_at == 0 || priv->done <= priv->done_at_start)
    return 0;
  elapsed = (g_get_monotonic_time () - priv->started_at) / (double) G_USEC_PER_SEC;
  return elapsed > 0.5 ? (priv->done - priv->done_at_start) / elapsed : 0;
}

/* Returns: seconds until done at the present rate, or -1 when that cannot be said. */
gint64
ferry_job_part_get_seconds_left (FerryJobPart *self)
{
  FerryJobPartPrivate *priv = ferry_job_part_get_instance_private (self);
  double rate = ferry_job_part_get_rate (self);

  if (rate <= 0 || priv->total < 0 || priv->state != FERRY_STEP_STATE_RUNNING)
    return -1;
  return (gint64) ((MAX (priv->total - priv->done, 0)) / rate + 0.5);
}

void
ferry_job_part_set_state (FerryJobPart   *self,
                          FerryStepState  state,
                          const char     *detail)
{
  FerryJobPartPrivate *priv;

  g_return_if_fail (FERRY_IS_JOB_PART (self));

  priv = ferry_job_part_get_instance_private (self);
  if (state == FERRY_STEP_STATE_RUNNING && priv->state != FERRY_STEP_STATE_RUNNING)
    {
      priv->started_at = g_get_monotonic_time ();
      priv->done_at_start = priv->done;
    }
  /* What is shown with the new state is up to date. */
  if (state != priv->state)
    _ferry_job_part_flush (self);
  if (g_strcmp0 (detail, priv->detail) != 0)
    {
      g_free (priv->detail);
      priv->detail = g_strdup (detail);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DETAIL]);
    }
  if (state == priv->state)
    return;
  priv->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECONDS_LEFT]);
}

void
ferry_job_part_set_total (FerryJobPart *self,
                          gint64        total)
{
  FerryJobPartPrivate *priv;

  g_return_if_fail (FERRY_IS_JOB_PART (self));

  priv = ferry_job_part_get_instance_private (self);
  if (total == priv->total)
    return;
  priv->total = total;
  counts_changed (self);
}

void
ferry_job_part_set_done (FerryJobPart *self,
                         gint64        done)
{
  FerryJobPartPrivate *priv;

  g_return_if_fail (FERRY_IS_JOB_PART (self));

  priv = ferry_job_part_get_instance_private (self);
  if (done == priv->done)
    return;
  priv->done = done;
  counts_changed (self);
}
